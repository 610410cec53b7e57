package org.arca.dicomweb.conf;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attributes;
import javax.naming.ldap.LdapName;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.ldap.DeviceReader;
import org.arca.ldap.config.ldap.Dns;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * One change to a child of a device (add, replace, delete): applied to the device's LDAP
 * entries in memory, read back by the configuration loader (DeviceReader), refused when that
 * reports an error the device did not have before, else written with LdapConfiguration.store,
 * which sends only what differs.
 */
final class ConfigurationEdit {

    /** What the REST answer says: the HTTP status and its JSON body. */
    record Outcome(int status, JsonObject body) {
    }

    static final Object WRITE_LOCK = new Object(); // one edit at a time: read, check, write (DeviceWrite too)

    private ConfigurationEdit() {
    }

    /**
     * @param body the child as JSON, or null to delete it
     * @param create true for POST: refuse when the child exists
     */
    static Outcome apply(Directory directory, String device, ChildKind kind, String id, JsonObject body, boolean create)
            throws NamingException {
        synchronized (WRITE_LOCK) {
            String deviceDn = Dns.child(Settings.DEVICES_ROOT, "dicomDeviceName", device);
            List<DeviceReader.Entry> raw = DeviceEntries.read(directory.environment(), deviceDn);
            if (raw.isEmpty()) {
                return error(404, null, null, "no device " + device);
            }
            if (id == null || id.isBlank()) {
                return error(400, null, kind.rdnType, kind.rdnType + ": missing");
            }
            LdapName childName = Dns.name(Dns.child(deviceDn, kind.rdnType, id));
            Attributes stored = null;
            List<DeviceReader.Entry> changed = new ArrayList<>();
            for (DeviceReader.Entry e : raw) {
                LdapName n = Dns.name(e.dn());
                if (n.equals(childName)) {
                    stored = e.attributes();
                }
                if (!n.startsWith(childName)) {
                    changed.add(e);
                }
            }
            if (create && stored != null) {
                return error(409, null, kind.rdnType, kind.rdnType + ": '" + id + "' exists already");
            }
            if (!create && stored == null && body == null) {
                return error(404, null, kind.rdnType, "no " + kind.objectClass + " '" + id + "' on device " + device);
            }
            if (body != null) {
                if (body.get(kind.rdnType) instanceof JsonString s && !s.getString().equals(id)) {
                    return error(400, null, kind.rdnType, kind.rdnType + ": '" + s.getString()
                            + "' differs from '" + id + "' in the URL (renaming is delete and add)");
                }
                try {
                    changed.addAll(EntryJson.entries(kind, id, body, deviceDn, stored));
                } catch (EntryJson.BadEntry e) {
                    return error(400, null, e.attribute, e.attribute + ": " + e.getMessage());
                }
            }
            LoadResult before = DeviceReader.read(deviceDn, raw);
            LoadResult after = DeviceReader.read(deviceDn, changed);
            Set<ConfigurationError> old = new HashSet<>(before.errors());
            List<ConfigurationError> introduced = after.errors().stream().filter(e -> !old.contains(e)).toList();
            if (!introduced.isEmpty()) {
                ConfigurationError first = introduced.get(0);
                return new Outcome(400, errorBody(first.dn(), first.attribute(),
                        (first.attribute() == null ? "" : first.attribute() + ": ") + first.message(), introduced));
            }
            try (LdapConfiguration ldap = LdapConfiguration.connect(directory.url(), Settings.ldapUser(),
                    Settings.ldapPassword())) {
                ldap.store(before.device(), after.device());
            } catch (NameAlreadyBoundException e) {
                return error(409, null, kind.rdnType, e.getMessage());
            }
            return new Outcome(body == null ? 200 : (create ? 201 : 200), Json.createObjectBuilder()
                    .add("dn", childName.toString()).build());
        }
    }

    static Outcome error(int status, String dn, String attribute, String message) {
        return new Outcome(status, errorBody(dn, attribute, message, List.of()));
    }

    private static JsonObject errorBody(String dn, String attribute, String message, List<ConfigurationError> all) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ConfigurationError e : all) {
            list.add(Json.createObjectBuilder().add("dn", e.dn())
                    .add("attribute", e.attribute() == null ? "" : e.attribute()).add("message", e.message()));
        }
        return Json.createObjectBuilder().add("errorMessage", message)
                .add("attribute", attribute == null ? "" : attribute)
                .add("dn", dn == null ? "" : dn).add("errors", list).build();
    }
}
