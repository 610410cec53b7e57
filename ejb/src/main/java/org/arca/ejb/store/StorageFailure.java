package org.arca.ejb.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;

/**
 * The A700 (Out of Resources) answer when a storage cannot take an object. Its Error Comment
 * goes to the sending modality, so it names the storage and the reason ("No space left on
 * device", "Read-only file system") but not the server's file paths; the full exception stays
 * the cause, for the server log.
 */
final class StorageFailure {

    private StorageFailure() {
    }

    static DicomServiceException of(String storageId, Throwable e) {
        return new DicomServiceException(Status.OUT_OF_RESOURCES, "Storage " + storageId + ": " + reason(e), e);
    }

    /** What went wrong, without the file names a FileSystemException carries. */
    static String reason(Throwable e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "access denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or directory";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "object exists already";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
