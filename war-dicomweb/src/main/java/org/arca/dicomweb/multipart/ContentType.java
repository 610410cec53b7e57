package org.arca.dicomweb.multipart;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A media type with its parameters as in a Content-Type or Accept entry (RFC 7231 3.1.1.1):
 * type and parameter names lower-cased, quoted values unquoted.
 */
public record ContentType(String mediaType, Map<String, String> parameters) {

    public static ContentType parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = splitParams(value);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                String v = parts[i].substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
                }
                params.put(parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
            }
        }
        return new ContentType(parts[0].trim().toLowerCase(Locale.ROOT), params);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public boolean is(String type) {
        return mediaType.equals(type);
    }

    /** Splits at ';' outside quotes. */
    private static String[] splitParams(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out.toArray(String[]::new);
    }

    /** The entries of an Accept header (split at ',' outside quotes). */
    public static java.util.List<ContentType> parseList(String header) {
        java.util.List<ContentType> out = new java.util.ArrayList<>();
        if (header == null) {
            return out;
        }
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= header.length(); i++) {
            char c = i < header.length() ? header.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                String entry = header.substring(start, i).trim();
                if (!entry.isEmpty()) {
                    out.add(parse(entry));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
