package org.arca.dicomweb.conf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.ldap.DeviceReader;
import org.arca.ldap.config.ldap.Dns;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * Adds a device (its own entry only: connections, AEs and the rest are then added as children)
 * and deletes one with everything below it. The new entry is checked by the configuration
 * loader, as a child edit is (ConfigurationEdit). The device this node runs as cannot be deleted.
 */
final class DeviceWrite {

    /** The device entry's attributes a new device may have; others are refused by name. */
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
        String dn = Dns.child(Settings.DEVICES_ROOT, "dicomDeviceName", name);
        BasicAttributes attrs = new BasicAttributes(true);
        attrs.put(new BasicAttribute("objectClass", "dicomDevice"));
        for (Map.Entry<String, JsonValue> m : body.entrySet()) {
            if (m.getKey().equals("objectClass")) {
                continue;
            }
            if (!ATTRIBUTES.contains(m.getKey())) {
                return ConfigurationEdit.error(400, dn, m.getKey(), m.getKey() + ": not an attribute of a new device");
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
        LoadResult read = DeviceReader.read(dn, List.of(new DeviceReader.Entry(dn, attrs)));
        if (!read.errors().isEmpty()) {
            ConfigurationError e = read.errors().get(0);
            return ConfigurationEdit.error(400, e.dn(), e.attribute(),
                    (e.attribute() == null ? "" : e.attribute() + ": ") + e.message());
        }
        synchronized (ConfigurationEdit.WRITE_LOCK) {
            return store(directory, name, dn, read);
        }
    }

    private static ConfigurationEdit.Outcome store(Directory directory, String name, String dn, LoadResult read)
            throws NamingException {
        try (LdapConfiguration ldap = connect(directory)) {
            if (ldap.deviceNames().contains(name)) {
                return ConfigurationEdit.error(409, dn, "dicomDeviceName", "dicomDeviceName: '" + name + "' exists already");
            }
            ldap.store(null, read.device());
        } catch (NameAlreadyBoundException e) {
            return ConfigurationEdit.error(409, dn, "dicomDeviceName", e.getMessage());
        }
        return new ConfigurationEdit.Outcome(201, Json.createObjectBuilder().add("dn", dn).build());
    }

    static ConfigurationEdit.Outcome delete(Directory directory, String name) throws NamingException {
        if (name.equals(Settings.deviceName())) {
            return ConfigurationEdit.error(409, null, "dicomDeviceName",
                    "device '" + name + "' is the one this archive runs as; it cannot be deleted here");
        }
        synchronized (ConfigurationEdit.WRITE_LOCK) {
            return remove(directory, name);
        }
    }

    private static ConfigurationEdit.Outcome remove(Directory directory, String name) throws NamingException {
        try (LdapConfiguration ldap = connect(directory)) {
            if (!ldap.deviceNames().contains(name)) {
                return ConfigurationEdit.error(404, null, null, "no device " + name);
            }
            LoadResult loaded = ldap.loadDevice(name);
            if (loaded.device() == null) {
                return ConfigurationEdit.error(409, null, null, "device " + name + " cannot be read: " + loaded.errors());
            }
            ldap.removeDevice(loaded.device());
        }
        return new ConfigurationEdit.Outcome(200, Json.createObjectBuilder()
                .add("dn", Dns.child(Settings.DEVICES_ROOT, "dicomDeviceName", name)).build());
    }

    private static LdapConfiguration connect(Directory directory) throws NamingException {
        return LdapConfiguration.connect(directory.url(), Settings.ldapUser(), Settings.ldapPassword());
    }
}
