package org.arca.dicom.net.pdu;

/** A-ASSOCIATE-RQ PDU. */
public final class AAssociateRQ extends AAssociate {

    @Override
    int pduType() {
        return PduType.A_ASSOCIATE_RQ;
    }

    @Override
    boolean isRequest() {
        return true;
    }

    /** Adds a proposal with the next free odd ID; returns that ID. */
    public int propose(String abstractSyntax, String... transferSyntaxes) {
        int id = 1;
        while (presentationContext(id) != null) {
            id += 2;
        }
        addPresentationContext(PresentationContext.proposal(id, abstractSyntax, transferSyntaxes));
        return id;
    }

    public static AAssociateRQ decode(byte[] body) throws PduException {
        AAssociateRQ rq = new AAssociateRQ();
        rq.decodeBody(body);
        return rq;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RQ[" + callingAET() + "->" + calledAET() + ", " + presentationContexts().size() + " PCs]";
    }
}
