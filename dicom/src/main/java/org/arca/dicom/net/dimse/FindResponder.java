package org.arca.dicom.net.dimse;

import java.io.IOException;

/** Lets a C-FIND handler send pending responses, one per match. */
public final class FindResponder {
    private final DimseRequest rq;

    FindResponder(DimseRequest rq) {
        this.rq = rq;
    }

    /**
     * Sends one match (identifier encoded in the request's transfer syntax) with status
     * FF00. Returns false once the SCU has cancelled; the handler should then stop.
     */
    public boolean pending(byte[] identifier) throws IOException {
        if (rq.isCancelled()) {
            return false;
        }
        rq.association().send(rq.presentationContextID(),
                Commands.response(rq.command(), Status.PENDING, true), DataWriter.of(identifier));
        return !rq.isCancelled();
    }
}
