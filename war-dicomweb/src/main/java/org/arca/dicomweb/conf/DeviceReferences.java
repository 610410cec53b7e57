package org.arca.dicomweb.conf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.WebApplication;
import org.arca.ldap.config.ldap.Dns;

/**
 * What elsewhere in LDAP still names a device about to be deleted: exporters (of any device)
 * whose dicom:, stow: or stowrs: URI reaches one of its AEs or web applications, and export
 * rules whose dicomDeviceName names it. Deleting it would leave them sending to nowhere, so the
 * delete is refused with this list. References from inside the device itself go with it.
 */
final class DeviceReferences {

    /** One referencing entry: its DN and what in it names the device. */
    record Reference(String dn, String what) {
        /** "exporter STORESCP of device dcm4chee-arc (dcmURI: dicom:STORESCP)" */
        String describe() {
            LdapName n = Dns.name(dn);
            List<String> parts = new ArrayList<>();
            int below = Dns.name(Settings.DEVICES_ROOT).size(); // the RDNs under cn=Devices
            for (int i = n.size() - 1; i >= below; i--) {
                Rdn r = n.getRdn(i);
                String label = switch (r.getType()) {
                    case "dcmExporterID" -> "exporter";
                    case "cn" -> "export rule";
                    case "dicomAETitle" -> "AE";
                    case "dicomDeviceName" -> "device";
                    default -> r.getType();
                };
                parts.add(label + " " + r.getValue());
            }
            return String.join(" of ", parts) + " (" + what + ")";
        }
    }

    private DeviceReferences() {
    }

    /** The exporter URIs that reach the device: dicom:AET for its AEs, stow:/stowrs:Name for its web apps. */
    static Set<String> targets(Device device) {
        Set<String> uris = new LinkedHashSet<>();
        for (ApplicationEntity ae : device.getApplicationEntities()) {
            uris.add("dicom:" + ae.getAeTitle());
        }
        for (WebApplication w : device.getWebApplications()) {
            uris.add("stow:" + w.getName());
            uris.add("stowrs:" + w.getName());
        }
        return uris;
    }

    static List<Reference> to(DirContext ctx, Device device, String deviceDn) throws NamingException {
        List<Reference> found = new ArrayList<>();
        Set<String> uris = targets(device);
        if (!uris.isEmpty()) {
            StringBuilder filter = new StringBuilder("(&(objectClass=dcmExporter)(|");
            for (int i = 0; i < uris.size(); i++) {
                filter.append("(dcmURI={").append(i).append("})");
            }
            search(ctx, filter.append("))").toString(), uris.toArray(), "dcmURI", deviceDn, found);
        }
        search(ctx, "(&(objectClass=dcmExportRule)(dicomDeviceName={0}))", new Object[] {device.getName()},
                "dicomDeviceName", deviceDn, found);
        return found;
    }

    /** "device 'storescp' is still named by: exporter STORESCP of device dcm4chee-arc (dcmURI: dicom:STORESCP)" */
    static String message(String name, List<Reference> references) {
        StringBuilder s = new StringBuilder("device '").append(name).append("' is still named by: ");
        for (int i = 0; i < references.size(); i++) {
            s.append(i == 0 ? "" : "; ").append(references.get(i).describe());
        }
        return s.append(". Change or delete those first.").toString();
    }

    private static void search(DirContext ctx, String filter, Object[] args, String attribute, String deviceDn,
            List<Reference> found) throws NamingException {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        sc.setReturningAttributes(new String[] {attribute});
        LdapName device = Dns.name(deviceDn);
        NamingEnumeration<SearchResult> e = ctx.search(Settings.DEVICES_ROOT, filter, args, sc);
        try {
            while (e.hasMore()) {
                SearchResult r = e.next();
                String dn = r.getNameInNamespace();
                if (Dns.name(dn).startsWith(device)) {
                    continue;
                }
                Attribute a = r.getAttributes().get(attribute);
                String value = a == null ? "" : String.valueOf(a.get());
                found.add(new Reference(dn, attribute + ": " + value));
            }
        } finally {
            e.close();
        }
    }
}
