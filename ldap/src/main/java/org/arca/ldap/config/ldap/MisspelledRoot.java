package org.arca.ldap.config.ldap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.arca.ldap.config.ConfigurationError;

/**
 * The dcm4chee-arc wiki's "Amazon S3 Storage" page prints its StoreToS3 exporter below
 * {@code cn=DICOMConfiguration} (no space). So that LDIF loads as printed, the default
 * configuration holds that misspelled root with a placeholder of device dcm4chee-arc; entries
 * found below a device's placeholder are read as children of the real device (the real tree
 * wins where both hold the same child), each with a note naming both DNs, and changes
 * written back to such an entry go where it is.
 */
final class MisspelledRoot {
    static final String RDN = "cn=DICOMConfiguration";

    private final String devicesDn;

    MisspelledRoot(String baseDn) {
        this.devicesDn = "cn=Devices," + RDN + ',' + baseDn;
    }

    String deviceDn(String name) {
        return Dns.child(devicesDn, "dicomDeviceName", name);
    }

    /** {@code real} plus the children from below the placeholder {@code misspelledDeviceDn}, moved below the real device. */
    List<DeviceReader.Entry> merge(String realDeviceDn, List<DeviceReader.Entry> real, List<DeviceReader.Entry> misspelled,
                                   List<ConfigurationError> notes) {
        LdapName realDevice = Dns.name(realDeviceDn);
        Set<LdapName> present = new HashSet<>();
        for (DeviceReader.Entry e : real) present.add(Dns.name(e.dn()));
        List<DeviceReader.Entry> out = new ArrayList<>(real);
        int depth = -1;
        for (DeviceReader.Entry e : misspelled) depth = depth < 0 ? Dns.name(e.dn()).size() : Math.min(depth, Dns.name(e.dn()).size());
        for (DeviceReader.Entry e : misspelled) {
            LdapName n = Dns.name(e.dn());
            if (n.size() == depth) continue; // the placeholder itself
            LdapName moved = (LdapName) realDevice.clone();
            try {
                moved.addAll(n.getSuffix(depth));
            } catch (InvalidNameException ex) {
                throw new IllegalStateException(ex);
            }
            if (present.contains(moved)) {
                notes.add(new ConfigurationError(e.dn(), null, "ignored: " + moved + " exists ('" + RDN
                        + "' is a misspelling of 'cn=DICOM Configuration')"));
                continue;
            }
            notes.add(new ConfigurationError(e.dn(), null, "read as " + moved + " ('" + RDN
                    + "' is a misspelling of 'cn=DICOM Configuration')"));
            out.add(new DeviceReader.Entry(moved.toString(), e.attributes()));
        }
        return out;
    }

    /** Where an entry below a real device ({@code dn}, below {@code realDevicesDn}) is in the misspelled tree. */
    String locate(String dn, String realDevicesDn) {
        LdapName n = Dns.name(dn), devices = Dns.name(realDevicesDn);
        if (!n.startsWith(devices) || n.size() < devices.size() + 2) return null;
        LdapName there = Dns.name(devicesDn);
        for (Rdn rdn : ((LdapName) n.getSuffix(devices.size())).getRdns()) there.add(rdn);
        return there.toString();
    }
}
