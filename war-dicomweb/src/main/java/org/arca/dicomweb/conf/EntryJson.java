package org.arca.dicomweb.conf;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import org.arca.ldap.config.ldap.DeviceReader;
import org.arca.ldap.config.ldap.Dns;

/**
 * A child of a device as the UI sends it (the shape of GET /devices/{name}: LDAP attribute names,
 * strings, numbers, booleans, arrays for several values) turned into LDAP entries: the entry
 * itself and, for an AE, its transfer capabilities and export rules given as nested arrays.
 */
final class EntryJson {

    /** Thrown for a body that is not an entry at all; carries the attribute to name. */
    static final class BadEntry extends Exception {
        final String attribute;

        BadEntry(String attribute, String message) {
            super(message);
            this.attribute = attribute;
        }
    }

    private EntryJson() {
    }

    /**
     * The entries for {@code body} below {@code parentDn}; {@code stored} is the entry as it is
     * now (or null) so that masked secrets keep their stored values.
     */
    static List<DeviceReader.Entry> entries(ChildKind kind, String rdnValue, JsonObject body, String parentDn,
            Attributes stored) throws BadEntry {
        String dn = Dns.child(parentDn, kind.rdnType, rdnValue);
        List<DeviceReader.Entry> out = new ArrayList<>();
        BasicAttributes attrs = new BasicAttributes(true);
        attrs.put(new BasicAttribute("objectClass", kind.objectClass));
        for (Map.Entry<String, JsonValue> m : body.entrySet()) {
            String name = m.getKey();
            if (name.equals("objectClass")) {
                continue;
            }
            JsonValue v = m.getValue();
            if (v instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject) {
                ChildKind nested = nestedKind(kind, name);
                for (JsonValue c : a) {
                    JsonObject child = c.asJsonObject();
                    String cn = child.get("cn") instanceof JsonString s ? s.getString() : null;
                    if (cn == null || cn.isBlank()) {
                        throw new BadEntry(name, "each " + name + " needs a cn");
                    }
                    out.addAll(entries(nested, cn, child, dn, null));
                }
                continue;
            }
            BasicAttribute a = new BasicAttribute(name);
            for (JsonValue value : v instanceof JsonArray arr ? arr : List.of(v)) {
                String s = scalar(name, value);
                if (s == null || s.isEmpty()) {
                    continue; // an empty form field means: no value
                }
                if (name.equals("dcmProperty")) {
                    s = Secrets.restore(s, values(stored, name));
                    if (s == null) {
                        throw new BadEntry(name, "no stored value for the masked property '" + value + "': type it");
                    }
                } else if (s.contains(":" + Secrets.MASK + "@")) {
                    s = Secrets.restoreUri(s, values(stored, name));
                    if (s == null) {
                        throw new BadEntry(name, "no stored password for the masked URI '" + value + "': type it");
                    }
                } else if (s.equals(Secrets.MASK) && Secrets.isSecretName(name)) {
                    List<String> old = values(stored, name);
                    if (old.isEmpty()) {
                        throw new BadEntry(name, "no stored value to keep: type it");
                    }
                    s = old.get(0);
                }
                a.add(s);
            }
            if (a.size() > 0) {
                attrs.put(a);
            }
        }
        attrs.put(kind.rdnType, rdnValue);
        out.add(0, new DeviceReader.Entry(dn, attrs));
        return out;
    }

    private static ChildKind nestedKind(ChildKind parent, String name) throws BadEntry {
        if (parent == ChildKind.AE && name.equals("dicomTransferCapability")) {
            return ChildKind.TRANSFER_CAPABILITY;
        }
        if (parent == ChildKind.AE && name.equals("dcmExportRule")) {
            return ChildKind.EXPORT_RULE;
        }
        throw new BadEntry(name, "objects are not allowed in " + name);
    }

    private static String scalar(String name, JsonValue v) throws BadEntry {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString().trim();
            case NUMBER -> ((JsonNumber) v).toString();
            case TRUE -> "TRUE";
            case FALSE -> "FALSE";
            case NULL -> null;
            default -> throw new BadEntry(name, "a value of " + name + " must be a string, number or boolean");
        };
    }

    static List<String> values(Attributes attrs, String name) {
        List<String> out = new ArrayList<>();
        Attribute a = attrs == null ? null : attrs.get(name);
        if (a == null) {
            return out;
        }
        try {
            NamingEnumeration<?> e = a.getAll();
            while (e.hasMore()) {
                Object o = e.next();
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        } catch (NamingException ignored) {
            // an unreadable stored value cannot be kept anyway
        }
        return out;
    }
}
