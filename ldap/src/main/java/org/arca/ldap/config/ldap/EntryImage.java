package org.arca.ldap.config.ldap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;

/**
 * What a configuration object looks like as an LDAP entry: RDN, object classes, attributes with
 * typed values (String, Integer, Boolean), and child entries. The same image feeds adding
 * entries, diffing for write-back, and the JSON rendering, so the three cannot disagree.
 */
public final class EntryImage {

    /** Values of one attribute; {@code multi} tells JSON whether to render an array. */
    public record Values(List<Object> values, boolean multi) {
        List<String> ldap() {
            List<String> out = new ArrayList<>(values.size());
            for (Object v : values) out.add(toLdap(v));
            return out;
        }
    }

    private final String kind;
    private final String rdnType;
    private final String rdnValue;
    private final List<String> objectClasses;
    private final Map<String, Values> attributes = new LinkedHashMap<>();
    private final List<EntryImage> children = new ArrayList<>();

    /** @param kind the JSON group of this entry, usually its structural object class */
    public EntryImage(String kind, String rdnType, String rdnValue, String... objectClasses) {
        this.kind = kind;
        this.rdnType = rdnType;
        this.rdnValue = rdnValue;
        this.objectClasses = List.of(objectClasses);
        put(rdnType, rdnValue);
    }

    public EntryImage put(String name, Object value) {
        if (value != null) attributes.put(name, new Values(List.of(value), false));
        return this;
    }

    public EntryImage putAll(String name, Collection<?> values) {
        if (values != null && !values.isEmpty()) attributes.put(name, new Values(List.copyOf(values), true));
        return this;
    }

    public EntryImage putProperties(String name, Map<String, String> properties) {
        List<String> values = new ArrayList<>();
        properties.forEach((k, v) -> values.add(k + '=' + v));
        return putAll(name, values);
    }

    public EntryImage add(EntryImage child) {
        children.add(child);
        return this;
    }

    public String kind() { return kind; }
    public String rdnType() { return rdnType; }
    public String rdnValue() { return rdnValue; }
    public List<String> objectClasses() { return objectClasses; }
    public Map<String, Values> attributes() { return attributes; }
    public List<EntryImage> children() { return children; }

    /** The entry as JNDI attributes for adding it. */
    public Attributes toAttributes() {
        Attributes attrs = new BasicAttributes(true);
        Attribute oc = new BasicAttribute("objectClass");
        objectClasses.forEach(oc::add);
        attrs.put(oc);
        attributes.forEach((name, values) -> {
            Attribute a = new BasicAttribute(name);
            values.ldap().forEach(a::add);
            attrs.put(a);
        });
        return attrs;
    }

    static String toLdap(Object v) {
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        return v.toString();
    }
}
