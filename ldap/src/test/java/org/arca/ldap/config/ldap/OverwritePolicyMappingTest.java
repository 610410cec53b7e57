package org.arca.ldap.config.ldap;

import static org.arca.ldap.config.ldap.DeviceReaderTest.DEV;
import static org.arca.ldap.config.ldap.DeviceReaderTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums.OverwritePolicy;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.json.DeviceJson;
import org.junit.jupiter.api.Test;

/** dcmOverwritePolicy on the archive device, overridden on an archive AE: read, resolve, write back, JSON. */
class OverwritePolicyMappingTest {

    static List<DeviceReader.Entry> entries(String devicePolicy, String aePolicy) {
        return List.of(
                entry(DEV, "objectClass", "dicomDevice", "objectClass", "dcmDevice", "objectClass", "dcmArchiveDevice",
                        "dicomDeviceName", "arc", "dicomInstalled", "TRUE", "dcmOverwritePolicy", devicePolicy),
                entry("cn=dicom," + DEV, "objectClass", "dicomNetworkConnection", "cn", "dicom",
                        "dicomHostname", "127.0.0.1", "dicomPort", "11112"),
                entry("dicomAETitle=OVER," + DEV, "objectClass", "dicomNetworkAE", "objectClass", "dcmArchiveNetworkAE",
                        "dicomAETitle", "OVER", "dicomNetworkConnectionReference", "cn=dicom," + DEV,
                        "dicomAssociationInitiator", "TRUE", "dicomAssociationAcceptor", "TRUE",
                        "dcmOverwritePolicy", aePolicy),
                entry("dicomAETitle=PLAIN," + DEV, "objectClass", "dicomNetworkAE", "dicomAETitle", "PLAIN",
                        "dicomNetworkConnectionReference", "cn=dicom," + DEV,
                        "dicomAssociationInitiator", "TRUE", "dicomAssociationAcceptor", "TRUE"));
    }

    @Test
    void deviceValueAppliesUnlessTheAeOverridesIt() {
        LoadResult r = DeviceReader.read(DEV, entries("SAME_SOURCE", "ALWAYS"));
        assertEquals(List.of(), r.errors());
        Device d = r.device();
        assertEquals(OverwritePolicy.SAME_SOURCE, d.getOverwritePolicy());
        assertEquals(OverwritePolicy.ALWAYS, d.getApplicationEntity("OVER").getOverwritePolicy());
        assertNull(d.getApplicationEntity("PLAIN").getOverwritePolicy());
        assertEquals(OverwritePolicy.ALWAYS, d.overwritePolicy("OVER"));
        assertEquals(OverwritePolicy.SAME_SOURCE, d.overwritePolicy("PLAIN"));
        assertEquals(OverwritePolicy.SAME_SOURCE, d.overwritePolicy("UNKNOWN"));
        d.setOverwritePolicy(null);
        assertEquals(OverwritePolicy.NEVER, d.overwritePolicy("PLAIN"), "dcm4chee's default");
    }

    @Test
    void allFiveDcm4cheeValuesRead() {
        for (OverwritePolicy p : OverwritePolicy.values())
            assertEquals(p, DeviceReader.read(DEV, entries(p.name(), p.name())).device().getApplicationEntity("OVER")
                    .getOverwritePolicy());
    }

    @Test
    void unknownValueIsReportedWithDnAndAttribute() {
        LoadResult r = DeviceReader.read(DEV, entries("SOMETIMES", "NEVER"));
        assertEquals(List.of(new ConfigurationError(DEV, "dcmOverwritePolicy",
                "'SOMETIMES' is not one of [NEVER, ALWAYS, SAME_SOURCE, SAME_SERIES, SAME_SOURCE_AND_SERIES]")), r.errors());
    }

    @Test
    void writeBackChangesOnlyTheOverwritePolicy() {
        Device before = DeviceReader.read(DEV, entries("NEVER", "ALWAYS")).device();
        Device after = DeviceReader.read(DEV, entries("NEVER", "ALWAYS")).device();
        after.setOverwritePolicy(OverwritePolicy.SAME_SERIES);
        after.getApplicationEntity("OVER").setOverwritePolicy(null);
        after.getApplicationEntity("PLAIN").setOverwritePolicy(OverwritePolicy.SAME_SOURCE_AND_SERIES);
        List<String> changes = ImageDiff.diff(DEV, DeviceMapping.image(before, DEV), DeviceMapping.image(after, DEV))
                .stream().map(Change::toString).toList();
        assertEquals(List.of(
                "modify " + DEV + " [replace dcmOverwritePolicy]",
                "modify dicomAETitle=OVER," + DEV + " [remove dcmOverwritePolicy]",
                "modify dicomAETitle=PLAIN," + DEV + " [add objectClass, replace dcmOverwritePolicy]"), changes);
        String json = DeviceJson.write(after, DEV);
        assertTrue(json.contains("\"dcmOverwritePolicy\":\"SAME_SERIES\""), json);
        assertTrue(json.contains("\"dcmOverwritePolicy\":\"SAME_SOURCE_AND_SERIES\""), json);
    }
}
