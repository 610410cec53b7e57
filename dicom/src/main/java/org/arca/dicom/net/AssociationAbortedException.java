package org.arca.dicom.net;

import java.io.IOException;
import org.arca.dicom.net.pdu.AAbort;

/** The association ended by A-ABORT (sent or received) or lost its connection. */
public final class AssociationAbortedException extends IOException {
    private final AAbort abort;

    public AssociationAbortedException(String message, AAbort abort, Throwable cause) {
        super(message, cause);
        this.abort = abort;
    }

    /** The A-ABORT involved, or null when the connection simply dropped. */
    public AAbort abort() {
        return abort;
    }
}
