package org.arca.dicom.net.pdu;

import java.io.IOException;

/**
 * A protocol violation found while decoding a PDU. Carries the A-ABORT reason (source is always
 * service-provider, PS3.8 table 9-26) that the association must send before closing.
 */
public final class PduException extends IOException {
    private final int abortReason;

    public PduException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    public int abortReason() {
        return abortReason;
    }
}
