package org.arca.ldap.config.ldap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.naming.directory.Attributes;
import javax.naming.ldap.LdapName;

import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExportRule;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.StorageSchemes;
import org.arca.ldap.config.WebApplication;

/**
 * Builds a Device from the entries of its subtree (as one subtree search returns them), then
 * checks the references between them. Independent of JNDI connections, so it tests without a server.
 */
public final class DeviceReader {

    /** One entry of the search result: its full DN and attributes. */
    public record Entry(String dn, Attributes attributes) {}

    private DeviceReader() {}

    public static LoadResult read(String deviceDn, List<Entry> unordered) {
        return read(deviceDn, unordered, StorageSchemes.BUILT_IN);
    }

    /** {@code storageSchemes}: the dcmURI schemes of dcmStorage entries that a provider can open. */
    public static LoadResult read(String deviceDn, List<Entry> unordered, StorageSchemes storageSchemes) {
        // each DN parsed once: with a thousand AEs, parsing per use and per comparison dominated the load
        List<Parsed> entries = new ArrayList<>(unordered.size());
        for (Entry e : unordered) entries.add(new Parsed(e, Dns.name(e.dn())));
        entries.sort(Comparator.comparing(Parsed::rdnValue, NaturalOrder.INSTANCE));
        List<ConfigurationError> errors = new ArrayList<>();
        LdapName devName = Dns.name(deviceDn);
        int depth = devName.size();
        Entry deviceEntry = null;
        for (Parsed p : entries) if (p.name().size() == depth && p.name().equals(devName)) deviceEntry = p.entry();
        if (deviceEntry == null) {
            errors.add(new ConfigurationError(deviceDn, null, "no such device"));
            return new LoadResult(null, errors);
        }
        Device device = DeviceMapping.read(new EntryReader(deviceEntry.dn(), deviceEntry.attributes(), errors));
        Map<LdapName, ApplicationEntity> aes = new HashMap<>();
        Map<Object, String> dnOf = new IdentityHashMap<>(); // object -> its DN, for reference errors
        for (Parsed p : entries) {
            Entry e = p.entry();
            LdapName n = p.name();
            if (n.size() != depth + 1) continue;
            EntryReader r = new EntryReader(e.dn(), e.attributes(), errors);
            if (r.hasObjectClass("dicomNetworkConnection")) {
                var c = ConnectionMapping.read(r);
                if (!r.hasErrors()) device.addConnection(c);
            } else if (r.hasObjectClass("dicomNetworkAE")) {
                ApplicationEntity ae = ApplicationEntityMapping.read(r, devName);
                if (!r.hasErrors()) { device.addApplicationEntity(ae); aes.put(n, ae); dnOf.put(ae, e.dn()); }
            } else if (r.hasObjectClass("dcmWebApp")) {
                WebApplication w = WebApplicationMapping.read(r, devName);
                if (!r.hasErrors()) { device.addWebApplication(w); dnOf.put(w, e.dn()); }
            } else if (r.hasObjectClass("dcmStorage")) {
                var s = StorageMapping.read(r, storageSchemes);
                if (!r.hasErrors()) device.addStorage(s);
            } else if (r.hasObjectClass("dcmQueue")) {
                var q = QueueMapping.read(r);
                if (!r.hasErrors()) device.addQueue(q);
            } else if (r.hasObjectClass("dcmExporter")) {
                ExporterDescriptor x = ExporterMapping.read(r);
                if (!r.hasErrors()) { device.addExporter(x); dnOf.put(x, e.dn()); }
            } else if (r.hasObjectClass("dcmExportRule")) {
                ExportRule rule = ExportRuleMapping.read(r);
                if (!r.hasErrors()) { device.getExportRules().add(rule); dnOf.put(rule, e.dn()); }
            }
        }
        for (Parsed p : entries) { // transfer capabilities and AE-level export rules
            Entry e = p.entry();
            LdapName n = p.name();
            if (n.size() != depth + 2) continue;
            ApplicationEntity ae = aes.get((LdapName) n.getPrefix(depth + 1));
            if (ae == null) continue;
            EntryReader r = new EntryReader(e.dn(), e.attributes(), errors);
            if (r.hasObjectClass("dicomTransferCapability")) {
                var tc = ApplicationEntityMapping.readTransferCapability(r);
                if (!r.hasErrors()) ae.getTransferCapabilities().add(tc);
            } else if (r.hasObjectClass("dcmExportRule")) {
                ExportRule rule = ExportRuleMapping.read(r);
                if (!r.hasErrors()) { ae.getExportRules().add(rule); dnOf.put(rule, e.dn()); }
            }
        }
        checkReferences(device, dnOf, errors);
        return new LoadResult(device, errors);
    }

    /** An entry with its DN parsed, and the value of its RDN for ordering. */
    private record Parsed(Entry entry, LdapName name, String rdnValue) {
        Parsed(Entry entry, LdapName name) {
            this(entry, name, name.isEmpty() ? "" : name.getRdn(name.size() - 1).getValue().toString());
        }
    }

    private static void checkReferences(Device d, Map<Object, String> dnOf, List<ConfigurationError> errors) {
        for (ApplicationEntity ae : d.getApplicationEntities())
            dropMissingConnections(d, ae.getConnectionNames(), dnOf.get(ae), errors);
        for (WebApplication w : d.getWebApplications())
            dropMissingConnections(d, w.getConnectionNames(), dnOf.get(w), errors);
        for (Iterator<ExporterDescriptor> it = d.getExporters().iterator(); it.hasNext(); ) {
            ExporterDescriptor x = it.next();
            String dn = dnOf.get(x);
            if (d.getQueue(x.getQueueName()) == null) {
                errors.add(new ConfigurationError(dn, "dcmQueueName", "no queue '" + x.getQueueName() + "' on this device"));
                it.remove(); // its tasks could never run
            } else if (x.getScheme().equals("storage") && d.getStorage(x.getTarget()) == null) {
                errors.add(new ConfigurationError(dn, "dcmURI", "no storage '" + x.getTarget() + "' on this device"));
                it.remove();
            }
        }
        List<ExportRule> rules = new ArrayList<>(d.getExportRules());
        d.getApplicationEntities().forEach(ae -> rules.addAll(ae.getExportRules()));
        for (ExportRule rule : rules)
            for (Iterator<String> it = rule.getExporterIDs().iterator(); it.hasNext(); ) {
                String id = it.next();
                if (rule.getDeviceName() == null && d.getExporter(id) == null) {
                    errors.add(new ConfigurationError(dnOf.get(rule),
                            "dcmExporterID", "no exporter '" + id + "' on this device"));
                    it.remove();
                }
            }
    }

    private static void dropMissingConnections(Device d, List<String> names, String dn, List<ConfigurationError> errors) {
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (d.getConnection(name) == null) {
                errors.add(new ConfigurationError(dn, "dicomNetworkConnectionReference",
                        "connection '" + name + "' is missing or invalid"));
                it.remove();
            }
        }
    }
}
