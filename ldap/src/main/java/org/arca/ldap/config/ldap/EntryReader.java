package org.arca.ldap.config.ldap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;

import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.Schedule;

/**
 * Typed access to one entry's attributes. A value that does not parse is reported with the DN
 * and the attribute, and read as absent, so one bad value never stops the rest from loading.
 */
public final class EntryReader {

    private final String dn;
    private final Attributes attrs;
    private final List<ConfigurationError> errors;
    private int errorCount;

    public EntryReader(String dn, Attributes attrs, List<ConfigurationError> errors) {
        this.dn = dn;
        this.attrs = attrs;
        this.errors = errors;
    }

    public String dn() { return dn; }

    /** True if a value of this entry was reported as invalid. */
    public boolean hasErrors() { return errorCount > 0; }

    public void error(String attribute, String message) {
        errors.add(new ConfigurationError(dn, attribute, message));
        errorCount++;
    }

    /** Reports a broken reference; unlike {@link #error} it does not make the entry itself invalid. */
    public void warn(String attribute, String message) {
        errors.add(new ConfigurationError(dn, attribute, message));
    }

    public boolean hasObjectClass(String oc) {
        for (String v : strings("objectClass")) if (v.equalsIgnoreCase(oc)) return true;
        return false;
    }

    public String string(String id) {
        List<String> all = strings(id);
        return all.isEmpty() ? null : all.get(0);
    }

    public List<String> strings(String id) {
        Attribute a = attrs.get(id);
        List<String> out = new ArrayList<>();
        if (a == null) return out;
        try {
            NamingEnumeration<?> e = a.getAll();
            while (e.hasMore()) {
                Object v = e.next();
                if (v instanceof String s) out.add(s);
            }
        } catch (NamingException e) {
            error(id, "cannot read values: " + e.getMessage());
        }
        return out;
    }

    /** A string that must be present. */
    public String required(String id) {
        String v = string(id);
        if (v == null || v.isBlank()) error(id, "missing");
        return v;
    }

    public Integer integer(String id) {
        String v = string(id);
        if (v == null) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            error(id, "'" + v + "' is not a number");
            return null;
        }
    }

    public int integer(String id, int def) {
        Integer v = integer(id);
        return v == null ? def : v;
    }

    public Boolean bool(String id) {
        String v = string(id);
        if (v == null) return null;
        if (v.equalsIgnoreCase("TRUE")) return Boolean.TRUE;
        if (v.equalsIgnoreCase("FALSE")) return Boolean.FALSE;
        error(id, "'" + v + "' is not TRUE or FALSE");
        return null;
    }

    public boolean bool(String id, boolean def) {
        Boolean v = bool(id);
        return v == null ? def : v;
    }

    /** ISO-8601 duration, e.g. PT30S or P1D. */
    public Duration duration(String id) {
        String v = string(id);
        if (v == null) return null;
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            error(id, "'" + v + "' is not an ISO-8601 duration such as PT30S");
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String id, Class<E> type, E def) {
        String v = string(id);
        if (v == null) return def;
        E e = parseEnum(id, type, v);
        return e == null ? def : e;
    }

    public <E extends Enum<E>> List<E> enumValues(String id, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String v : strings(id)) {
            E e = parseEnum(id, type, v);
            if (e != null) out.add(e);
        }
        return out;
    }

    private <E extends Enum<E>> E parseEnum(String id, Class<E> type, String v) {
        for (E c : type.getEnumConstants()) if (c.name().equalsIgnoreCase(v.trim())) return c;
        error(id, "'" + v + "' is not one of " + List.of(type.getEnumConstants()));
        return null;
    }

    public List<Schedule> schedules(String id) {
        List<Schedule> out = new ArrayList<>();
        for (String v : strings(id)) {
            try {
                out.add(Schedule.parse(v));
            } catch (IllegalArgumentException e) {
                error(id, "bad schedule '" + v + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** name=value pairs in the order written; a value without '=' is reported. */
    public Map<String, String> properties(String id) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : strings(id)) {
            int eq = v.indexOf('=');
            if (eq <= 0) error(id, "'" + v + "' is not name=value");
            else out.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return out;
    }
}
