package org.arca.dicom.net.dimse;

import java.io.IOException;

/**
 * Lets a C-MOVE/C-GET handler report sub-operation progress. The counts of the last call
 * go into the final response too.
 */
public class RetrieveResponder {
    final RetrieveRequest rq;
    int remaining = -1;
    int completed;
    int failed;
    int warning;
    byte[] finalIdentifier;

    RetrieveResponder(RetrieveRequest rq) {
        this.rq = rq;
    }

    /** Sends a pending response (FF00) with the counts; false once the SCU cancelled. */
    public boolean pending(int remaining, int completed, int failed, int warning) throws IOException {
        counts(remaining, completed, failed, warning);
        if (rq.isCancelled()) {
            return false;
        }
        rq.association().send(rq.presentationContextID(), withCounts(Status.PENDING, true), null);
        return !rq.isCancelled();
    }

    /** Records counts for the final response without sending anything. */
    public void counts(int remaining, int completed, int failed, int warning) {
        this.remaining = remaining;
        this.completed = completed;
        this.failed = failed;
        this.warning = warning;
    }

    /**
     * The identifier of the final response, encoded in the request's transfer syntax: the
     * Failed SOP Instance UID List (0008,0058) of a Warning, Failure or Cancel (PS3.4 C.4.2.1.4).
     */
    public void finalIdentifier(byte[] encoded) {
        this.finalIdentifier = encoded;
    }

    /** Builds a response; Remaining only in pending and cancel responses (PS3.4 C.4.2.1.6). */
    Command withCounts(int status, boolean pendingOrCancel) {
        return withCounts(status, pendingOrCancel, false);
    }

    Command withCounts(int status, boolean pendingOrCancel, boolean identifier) {
        Command c = Commands.response(rq.command(), status, identifier);
        if (pendingOrCancel && remaining >= 0) {
            c.setInt(Tag.NUMBER_OF_REMAINING_SUBOPERATIONS, remaining);
        }
        c.setInt(Tag.NUMBER_OF_COMPLETED_SUBOPERATIONS, completed)
                .setInt(Tag.NUMBER_OF_FAILED_SUBOPERATIONS, failed)
                .setInt(Tag.NUMBER_OF_WARNING_SUBOPERATIONS, warning);
        return c;
    }
}
