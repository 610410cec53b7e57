package org.arca.dicom.net.dimse;

/** Thrown by a service handler to answer with a given failure/warning status and error comment. */
public class DicomServiceException extends Exception {
    private final int status;

    public DicomServiceException(int status, String comment) {
        super(comment);
        this.status = status;
    }

    public DicomServiceException(int status, String comment, Throwable cause) {
        super(comment, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
