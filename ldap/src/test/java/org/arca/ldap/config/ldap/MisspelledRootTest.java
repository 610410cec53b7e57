package org.arca.ldap.config.ldap;

import static org.arca.ldap.config.ldap.DeviceReaderTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.LoadResult;
import org.junit.jupiter.api.Test;

/** Entries below the wiki's misspelled cn=DICOMConfiguration are read as the device's, and written back there. */
class MisspelledRootTest {
    static final String BASE = "dc=dcm4che,dc=org";
    static final String DEV = "dicomDeviceName=arc,cn=Devices,cn=DICOM Configuration," + BASE;
    static final String TYPO = "dicomDeviceName=arc,cn=Devices,cn=DICOMConfiguration," + BASE;
    final MisspelledRoot root = new MisspelledRoot(BASE);

    static List<DeviceReader.Entry> real() {
        return List.of(
                entry(DEV, "objectClass", "dicomDevice", "dicomDeviceName", "arc", "dicomInstalled", "TRUE"),
                entry("dcmQueueName=Export6," + DEV, "objectClass", "dcmQueue", "dcmQueueName", "Export6"),
                entry("dcmStorageID=amazon-s3," + DEV, "objectClass", "dcmStorage", "dcmStorageID", "amazon-s3",
                        "dcmURI", "jclouds:aws-s3:https://bucket"));
    }

    @Test
    void exporterBelowThePlaceholderIsReadAsTheDevicesWithANote() {
        List<ConfigurationError> notes = new ArrayList<>();
        List<DeviceReader.Entry> merged = root.merge(DEV, real(), List.of(
                entry(TYPO, "objectClass", "dicomDevice", "dicomDeviceName", "arc", "dicomInstalled", "FALSE"),
                entry("dcmExporterID=StoreToS3," + TYPO, "objectClass", "dcmExporter", "dcmExporterID", "StoreToS3",
                        "dcmQueueName", "Export6", "dcmURI", "storage:amazon-s3", "dicomAETitle", "DCM4CHEE")), notes);
        LoadResult r = DeviceReader.read(DEV, merged);
        assertEquals(List.of(), r.errors());
        assertEquals("amazon-s3", r.device().getExporter("StoreToS3").getTarget());
        assertEquals(List.of(new ConfigurationError("dcmExporterID=StoreToS3," + TYPO, null,
                "read as dcmExporterID=StoreToS3," + DEV + " ('cn=DICOMConfiguration' is a misspelling of 'cn=DICOM Configuration')")),
                notes);
    }

    @Test
    void theRealTreeWins() {
        List<ConfigurationError> notes = new ArrayList<>();
        List<DeviceReader.Entry> merged = root.merge(DEV, real(), List.of(
                entry(TYPO, "objectClass", "dicomDevice"),
                entry("dcmQueueName=Export6," + TYPO, "objectClass", "dcmQueue", "dcmQueueName", "Export6",
                        "dcmMaxRetries", "99")), notes);
        assertEquals(real().size(), merged.size());
        assertEquals(null, notes.get(0).attribute());
        assertEquals("ignored: dcmQueueName=Export6," + DEV + " exists ('cn=DICOMConfiguration' is a misspelling of 'cn=DICOM Configuration')",
                notes.get(0).message());
    }

    @Test
    void writeBackFindsTheEntryWhereItIs() {
        String devices = "cn=Devices,cn=DICOM Configuration," + BASE;
        assertEquals("dcmExporterID=StoreToS3," + TYPO, root.locate("dcmExporterID=StoreToS3," + DEV, devices));
        assertNull(root.locate(DEV, devices), "the device itself is never redirected");
        assertNull(root.locate("cn=x,dc=other", devices));
    }
}
