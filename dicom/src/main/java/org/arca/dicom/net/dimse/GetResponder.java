package org.arca.dicom.net.dimse;

import java.io.IOException;

/** A C-GET handler's responder: also sends the C-STORE sub-operations over the same association. */
public final class GetResponder extends RetrieveResponder {
    GetResponder(RetrieveRequest rq) {
        super(rq);
    }

    /**
     * Sends one instance to the C-GET SCU (which acts as Storage SCP on this association)
     * and waits for its C-STORE-RSP. Returns that response's status.
     */
    public int store(String cuid, String iuid, String tsuid, DataWriter data) throws IOException, InterruptedException {
        return rq.association().store(cuid, iuid, tsuid, data).status();
    }
}
