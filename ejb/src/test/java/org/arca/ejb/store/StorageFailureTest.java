package org.arca.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.junit.jupiter.api.Test;

class StorageFailureTest {

    @Test
    void errorCommentNamesStorageAndReasonButNoServerPath() {
        DicomServiceException full = StorageFailure.of("fs1",
                new FileSystemException("/var/arca/fs1/2026/x.tmp", null, "No space left on device"));
        assertEquals("Storage fs1: No space left on device", full.getMessage());
        DicomServiceException denied = StorageFailure.of("fs1", new AccessDeniedException("/var/arca/fs1/2026/x.tmp"));
        assertEquals("Storage fs1: access denied", denied.getMessage());
        assertFalse(denied.getMessage().contains("/var"));
        assertEquals(0xA700, full.status());
        assertEquals("Storage s3: put failed", StorageFailure.of("s3", new IOException("put failed")).getMessage());
    }
}
