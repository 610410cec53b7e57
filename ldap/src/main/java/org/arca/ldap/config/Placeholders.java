package org.arca.ldap.config;

import java.util.function.UnaryOperator;

/**
 * Resolves {@code ${name}} and {@code ${name:default}} in configuration values from system
 * properties (e.g. arca.data.dir, set from ARCA_DATA_DIR), then environment variables. An
 * unresolvable placeholder stays as written, so the error shows where it came from.
 */
public final class Placeholders {
    private Placeholders() {}

    public static String resolve(String value) {
        return resolve(value, name -> {
            String v = System.getProperty(name);
            return v != null ? v : System.getenv(name);
        });
    }

    static String resolve(String value, UnaryOperator<String> lookup) {
        if (value == null || !value.contains("${")) return value;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            int end = start < 0 ? -1 : value.indexOf('}', start);
            if (end < 0) { sb.append(value, i, value.length()); break; }
            sb.append(value, i, start);
            String expr = value.substring(start + 2, end);
            int colon = expr.indexOf(':');
            String name = colon < 0 ? expr : expr.substring(0, colon);
            String v = lookup.apply(name);
            if (v == null && colon >= 0) v = expr.substring(colon + 1);
            sb.append(v != null ? v : value.substring(start, end + 1));
            i = end + 1;
        }
        return sb.toString();
    }
}
