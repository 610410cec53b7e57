package org.arca.dicom.net.dimse;

import java.io.IOException;

/** No DIMSE response within the DIMSE timeout; the association has been aborted. */
public final class DimseTimeoutException extends IOException {
    public DimseTimeoutException(String message) {
        super(message);
    }
}
