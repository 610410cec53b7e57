package org.arca.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UIDTest {

    @Test
    void names() {
        assertEquals("1.2.840.10008.5.1.4.1.1.2", UID.CTImageStorage);
        assertEquals("CT Image Storage", UID.nameOf(UID.CTImageStorage));
        assertEquals("SOP Class", UID.typeOf(UID.CTImageStorage));
        assertEquals("CTImageStorage", UID.keywordOf("1.2.840.10008.5.1.4.1.1.2"));
        assertEquals("Explicit VR Little Endian", UID.nameOf("1.2.840.10008.1.2.1"));
        assertEquals("Transfer Syntax", UID.typeOf(UID.ExplicitVRLittleEndian));
        assertEquals("1.2.840.10008.1.2", UID.ImplicitVRLittleEndian);
        assertEquals("1.2.840.10008.1.1", UID.Verification);
        assertTrue(UID.isRetired(UID.ExplicitVRBigEndian));
        assertFalse(UID.isRetired(UID.ExplicitVRLittleEndian));
        assertEquals(UID.CTImageStorage, UID.forKeyword("CTImageStorage"));
    }

    @Test
    void unknown() {
        assertEquals("", UID.nameOf("1.2.3.4"));
        assertEquals("", UID.typeOf("1.2.3.4"));
        assertEquals("", UID.keywordOf("1.2.3.4"));
        assertFalse(UID.isRetired("1.2.3.4"));
        assertNull(UID.forKeyword("NoSuchUid"));
    }

    @Test
    void storageSopClasses() {
        List<String> storage = UID.storageSopClasses();
        assertTrue(storage.contains(UID.CTImageStorage));
        assertTrue(storage.contains(UID.MRImageStorage));
        assertTrue(storage.contains(UID.SecondaryCaptureImageStorage));
        assertTrue(storage.contains(UID.EnhancedSRStorage));
        assertTrue(storage.contains(UID.DigitalXRayImageStorageForPresentation));
        assertTrue(storage.contains(UID.DigitalXRayImageStorageForProcessing));
        assertTrue(storage.contains(UID.UltrasoundImageStorageRetired)); // retired, still sent by old devices
        assertFalse(storage.contains(UID.MediaStorageDirectoryStorage));
        assertFalse(storage.contains(UID.StorageCommitmentPushModel));
        assertFalse(storage.contains(UID.Verification));
        assertFalse(storage.contains(UID.TextSRStorageTrial));
        for (String uid : storage) {
            assertEquals("SOP Class", UID.typeOf(uid), uid);
            String name = UID.nameOf(uid);
            assertFalse(name.contains("Query/Retrieve") || name.contains("Information Model"), name);
        }
        assertFalse(storage.contains(UID.StudyRootQueryRetrieveInformationModelFind));
        assertFalse(storage.contains(UID.PatientRootQueryRetrieveInformationModelMove));
        assertEquals(storage.size(), new HashSet<>(storage).size());
        assertTrue(storage.size() > 100, "storage classes: " + storage.size());
        assertThrows(UnsupportedOperationException.class, () -> storage.add("1.2.3"));
    }

    @Test
    void constantsMatchRegistry() throws IllegalAccessException {
        int n = 0;
        for (Field f : UID.class.getFields()) {
            String uid = (String) f.get(null);
            assertEquals(f.getName(), UID.keywordOf(uid));
            n++;
        }
        assertTrue(n > 400, "constants: " + n);
        assertTrue(UidRegistry.entries().size() >= n);
    }
}
