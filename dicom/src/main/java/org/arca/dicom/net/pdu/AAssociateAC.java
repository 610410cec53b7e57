package org.arca.dicom.net.pdu;

/** A-ASSOCIATE-AC PDU. The called/calling AE fields echo the request (PS3.8 9.3.3). */
public final class AAssociateAC extends AAssociate {

    @Override
    int pduType() {
        return PduType.A_ASSOCIATE_AC;
    }

    @Override
    boolean isRequest() {
        return false;
    }

    public static AAssociateAC decode(byte[] body) throws PduException {
        AAssociateAC ac = new AAssociateAC();
        ac.decodeBody(body);
        return ac;
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-AC[" + callingAET() + "->" + calledAET() + "]";
    }
}
