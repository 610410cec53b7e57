package org.arca.dicom.net.pdu;

/** A-ASSOCIATE-RJ PDU (PS3.8 9.3.4): result, source and reason. */
public record AAssociateRJ(int result, int source, int reason) {
    public static final int RESULT_REJECTED_PERMANENT = 1;
    public static final int RESULT_REJECTED_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    /** Reasons for source 1 (service-user). */
    public static final int NO_REASON_GIVEN = 1;
    public static final int APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    public static final int CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    public static final int CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
    /** Reason for source 2 (ACSE provider). */
    public static final int PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Reasons for source 3 (presentation provider). */
    public static final int TEMPORARY_CONGESTION = 1;
    public static final int LOCAL_LIMIT_EXCEEDED = 2;

    public byte[] encode() {
        return new byte[] {PduType.A_ASSOCIATE_RJ, 0, 0, 0, 0, 4, 0, (byte) result, (byte) source, (byte) reason};
    }

    public static AAssociateRJ decode(byte[] body) throws PduException {
        if (body.length != 4) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "A-ASSOCIATE-RJ length " + body.length);
        }
        return new AAssociateRJ(body[1] & 0xFF, body[2] & 0xFF, body[3] & 0xFF);
    }

    @Override
    public String toString() {
        return "A-ASSOCIATE-RJ[result=" + result + ", source=" + source + ", reason=" + reason + "]";
    }
}
