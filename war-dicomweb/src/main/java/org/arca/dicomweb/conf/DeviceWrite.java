package org.arca.dicomweb.conf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.ldap.LdapName;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.ldap.DeviceReader;
import org.arca.ldap.config.ldap.Dns;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * Adds a device (its own entry only: connections, AEs and the rest are then added as children),
 * replaces the attributes of its entry, and deletes one with everything below it. A change is
 * checked by the configuration loader, as a child edit is (ConfigurationEdit), under the same
 * lock. The device this node runs as cannot be deleted, nor one that others still name.
 */
final class DeviceWrite {

    /** The device entry's attributes edited here; a new device may have no others. */
    private static final Set<String> ATTRIBUTES = Set.of("dicomDeviceName", "dicomDescription", "dicomInstalled",
            "dicomManufacturer", "dicomManufacturerModelName", "dicomSoftwareVersion", "dicomPrimaryDeviceType",
            "dicomStationName", "dicomInstitutionName");

    private DeviceWrite() {
    }

    static ConfigurationEdit.Outcome add(Directory directory, JsonObject body) throws NamingException {
        String name = body.get("dicomDeviceName") instanceof JsonString s ? s.getString().trim() : "";
        if (name.isEmpty()) {
            return ConfigurationEdit.error(400, null, "dicomDeviceName", "dicomDeviceName: missing");
        }
        String dn = dn(name);
        for (String key : body.keySet()) {
            if (!ATTRIBUTES.contains(key) && !key.equals("objectClass")) {
                return ConfigurationEdit.error(400, dn, key, key + ": not an attribute of a new device");
            }
        }
        BasicAttributes attrs = new BasicAttributes(true);
        attrs.put(new BasicAttribute("objectClass", "dicomDevice"));
        copy(body, attrs, name);
        LoadResult read = DeviceReader.read(dn, List.of(new DeviceReader.Entry(dn, attrs)));
        if (!read.errors().isEmpty()) {
            return refused(read.errors().get(0));
        }
        synchronized (ConfigurationEdit.WRITE_LOCK) {
            try (LdapConfiguration ldap = connect(directory)) {
                if (ldap.deviceNames().contains(name)) {
                    return ConfigurationEdit.error(409, dn, "dicomDeviceName", "dicomDeviceName: '" + name + "' exists already");
                }
                ldap.store(null, read.device());
            } catch (NameAlreadyBoundException e) {
                return ConfigurationEdit.error(409, dn, "dicomDeviceName", e.getMessage());
            }
        }
        return new ConfigurationEdit.Outcome(201, Json.createObjectBuilder().add("dn", dn).build());
    }

    /**
     * Replaces the {@link #ATTRIBUTES} of the device entry with those of {@code body} (absent
     * means removed); the entry's other attributes and the children stay as they are.
     */
    static ConfigurationEdit.Outcome replace(Directory directory, String name, JsonObject body) throws NamingException {
        String dn = dn(name);
        if (body.get("dicomDeviceName") instanceof JsonString s && !s.getString().trim().equals(name)) {
            return ConfigurationEdit.error(400, dn, "dicomDeviceName", "dicomDeviceName: '" + s.getString()
                    + "' differs from '" + name + "' in the URL (a device is not renamed)");
        }
        synchronized (ConfigurationEdit.WRITE_LOCK) {
            List<DeviceReader.Entry> raw = DeviceEntries.read(directory.environment(), dn);
            if (raw.isEmpty()) {
                return ConfigurationEdit.error(404, null, null, "no device " + name);
            }
            LdapName deviceName = Dns.name(dn);
            List<DeviceReader.Entry> changed = new ArrayList<>();
            for (DeviceReader.Entry e : raw) {
                if (Dns.name(e.dn()).equals(deviceName)) {
                    Attributes attrs = (Attributes) e.attributes().clone();
                    ATTRIBUTES.forEach(attrs::remove);
                    copy(body, attrs, name);
                    changed.add(new DeviceReader.Entry(e.dn(), attrs));
                } else {
                    changed.add(e);
                }
            }
            LoadResult before = DeviceReader.read(dn, raw);
            LoadResult after = DeviceReader.read(dn, changed);
            Set<ConfigurationError> old = new HashSet<>(before.errors());
            for (ConfigurationError e : after.errors()) {
                if (!old.contains(e)) {
                    return refused(e);
                }
            }
            try (LdapConfiguration ldap = connect(directory)) {
                ldap.store(before.device(), after.device());
            }
        }
        return new ConfigurationEdit.Outcome(200, Json.createObjectBuilder().add("dn", dn).build());
    }

    /**
     * Deletes a device with everything below it; refused (409) for the device this node runs as
     * and for a device still named by an exporter or export rule elsewhere (DeviceReferences).
     */
    static ConfigurationEdit.Outcome delete(Directory directory, String name) throws NamingException {
        if (name.equals(Settings.deviceName())) {
            return ConfigurationEdit.error(409, null, "dicomDeviceName",
                    "device '" + name + "' is the one this archive runs as; it cannot be deleted here");
        }
        synchronized (ConfigurationEdit.WRITE_LOCK) {
            try (LdapConfiguration ldap = connect(directory)) {
                if (!ldap.deviceNames().contains(name)) {
                    return ConfigurationEdit.error(404, null, null, "no device " + name);
                }
                LoadResult loaded = ldap.loadDevice(name);
                if (loaded.device() == null) {
                    return ConfigurationEdit.error(409, null, null, "device " + name + " cannot be read: " + loaded.errors());
                }
                String dn = dn(name);
                List<DeviceReferences.Reference> references;
                DirContext ctx = directory.connect();
                try {
                    references = DeviceReferences.to(ctx, loaded.device(), dn);
                } finally {
                    ctx.close();
                }
                if (!references.isEmpty()) {
                    JsonArrayBuilder dns = Json.createArrayBuilder();
                    references.forEach(r -> dns.add(r.dn()));
                    return new ConfigurationEdit.Outcome(409, Json.createObjectBuilder()
                            .add("errorMessage", DeviceReferences.message(name, references))
                            .add("attribute", "dicomDeviceName").add("dn", dn).add("references", dns).build());
                }
                ldap.removeDevice(loaded.device());
            }
        }
        return new ConfigurationEdit.Outcome(200, Json.createObjectBuilder().add("dn", dn(name)).build());
    }

    /** The body's values of {@link #ATTRIBUTES} into {@code attrs}; empty strings mean no value. */
    private static void copy(JsonObject body, Attributes attrs, String name) {
        for (Map.Entry<String, JsonValue> m : body.entrySet()) {
            if (!ATTRIBUTES.contains(m.getKey())) {
                continue;
            }
            BasicAttribute a = new BasicAttribute(m.getKey());
            for (JsonValue v : m.getValue() instanceof JsonArray arr ? arr : List.of(m.getValue())) {
                String s = switch (v.getValueType()) {
                    case STRING -> ((JsonString) v).getString().trim();
                    case TRUE -> "TRUE";
                    case FALSE -> "FALSE";
                    case NUMBER -> v.toString();
                    default -> "";
                };
                if (!s.isEmpty()) {
                    a.add(s);
                }
            }
            if (a.size() > 0) {
                attrs.put(a);
            }
        }
        attrs.put("dicomDeviceName", name);
    }

    private static ConfigurationEdit.Outcome refused(ConfigurationError e) {
        return ConfigurationEdit.error(400, e.dn(), e.attribute(),
                (e.attribute() == null ? "" : e.attribute() + ": ") + e.message());
    }

    private static String dn(String name) {
        return Dns.child(Settings.DEVICES_ROOT, "dicomDeviceName", name);
    }

    private static LdapConfiguration connect(Directory directory) throws NamingException {
        return LdapConfiguration.connect(directory.url(), Settings.ldapUser(), Settings.ldapPassword());
    }
}
