package org.arca.ldap.config.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;

import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.LoadResult;
import org.junit.jupiter.api.Test;

/** Values a schema-checking server would refuse, as a lax server (or an old schema) could hold them. */
class DeviceReaderTest {
    static final String DEV = "dicomDeviceName=arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    static DeviceReader.Entry entry(String dn, String... kv) {
        BasicAttributes a = new BasicAttributes(true);
        for (int i = 0; i < kv.length; i += 2) {
            BasicAttribute attr = (BasicAttribute) a.get(kv[i]);
            if (attr == null) a.put(attr = new BasicAttribute(kv[i]));
            attr.add(kv[i + 1]);
        }
        return new DeviceReader.Entry(dn, a);
    }

    @Test
    void portThatIsNotANumberIsReportedAndTheRestLoads() {
        LoadResult r = DeviceReader.read(DEV, List.of(
                entry(DEV, "objectClass", "dicomDevice", "dicomDeviceName", "arc", "dicomInstalled", "TRUE"),
                entry("cn=dicom," + DEV, "objectClass", "dicomNetworkConnection", "cn", "dicom",
                        "dicomHostname", "127.0.0.1", "dicomPort", "notanumber"),
                entry("cn=http," + DEV, "objectClass", "dicomNetworkConnection", "cn", "http",
                        "dicomHostname", "127.0.0.1", "dicomPort", "8080"),
                entry("dicomAETitle=ARC," + DEV, "objectClass", "dicomNetworkAE", "dicomAETitle", "ARC",
                        "dicomNetworkConnectionReference", "cn=dicom," + DEV,
                        "dicomNetworkConnectionReference", "cn=http," + DEV,
                        "dicomAssociationInitiator", "TRUE", "dicomAssociationAcceptor", "maybe"),
                entry("dicomAETitle=ARC2," + DEV, "objectClass", "dicomNetworkAE", "dicomAETitle", "ARC2",
                        "dicomNetworkConnectionReference", "cn=dicom," + DEV,
                        "dicomNetworkConnectionReference", "cn=http," + DEV,
                        "dicomAssociationInitiator", "TRUE", "dicomAssociationAcceptor", "TRUE")));
        assertNotNull(r.device());
        assertNull(r.device().getConnection("dicom"));
        assertNotNull(r.device().getConnection("http"));
        assertNull(r.device().getApplicationEntity("ARC"), "AE with an invalid flag is left out");
        assertEquals(List.of("http"), r.device().getApplicationEntity("ARC2").getConnectionNames());
        assertEquals(java.util.Set.of(
                new ConfigurationError("cn=dicom," + DEV, "dicomPort", "'notanumber' is not a number"),
                new ConfigurationError("dicomAETitle=ARC," + DEV, "dicomAssociationAcceptor", "'maybe' is not TRUE or FALSE"),
                new ConfigurationError("dicomAETitle=ARC2," + DEV, "dicomNetworkConnectionReference",
                        "connection 'dicom' is missing or invalid")), java.util.Set.copyOf(r.errors()));
    }

    @Test
    void missingDeviceIsAnError() {
        LoadResult r = DeviceReader.read(DEV, List.of());
        assertNull(r.device());
        assertTrue(r.errors().get(0).message().contains("no such device"));
    }
}
