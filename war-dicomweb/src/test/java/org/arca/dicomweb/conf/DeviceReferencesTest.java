package org.arca.dicomweb.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.WebApplication;
import org.junit.jupiter.api.Test;

class DeviceReferencesTest {

    private static final String DEVICES = "cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    @Test
    void exporterUrisThatReachTheDevice() {
        Device d = new Device("peer");
        d.addApplicationEntity(new ApplicationEntity("PEER SCP"));
        d.addWebApplication(new WebApplication("peer-rs", "/rs", List.of()));
        assertEquals(Set.of("dicom:PEER SCP", "stow:peer-rs", "stowrs:peer-rs"), DeviceReferences.targets(d));
        assertEquals(Set.of(), DeviceReferences.targets(new Device("empty")));
    }

    @Test
    void messageNamesEachReferencingEntry() {
        List<DeviceReferences.Reference> refs = List.of(
                new DeviceReferences.Reference("dcmExporterID=STORESCP,dicomDeviceName=dcm4chee-arc," + DEVICES,
                        "dcmURI: dicom:STORESCP"),
                new DeviceReferences.Reference("cn=To peer\\, nightly,dicomAETitle=DCM4CHEE,dicomDeviceName=dcm4chee-arc,"
                        + DEVICES, "dicomDeviceName: storescp"));
        assertEquals("device 'storescp' is still named by: exporter STORESCP of device dcm4chee-arc (dcmURI: dicom:STORESCP); "
                + "export rule To peer, nightly of AE DCM4CHEE of device dcm4chee-arc (dicomDeviceName: storescp). "
                + "Change or delete those first.", DeviceReferences.message("storescp", refs));
    }
}
