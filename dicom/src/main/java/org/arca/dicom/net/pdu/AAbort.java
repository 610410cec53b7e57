package org.arca.dicom.net.pdu;

/** A-ABORT PDU (PS3.8 9.3.8): source and reason/diagnostic. */
public record AAbort(int source, int reason) {
    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int UNRECOGNIZED_PDU = 1;
    public static final int UNEXPECTED_PDU = 2;
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    public byte[] encode() {
        return new byte[] {PduType.A_ABORT, 0, 0, 0, 0, 4, 0, 0, (byte) source, (byte) reason};
    }

    public static AAbort decode(byte[] body) throws PduException {
        if (body.length != 4) {
            throw new PduException(INVALID_PDU_PARAMETER_VALUE, "A-ABORT length " + body.length);
        }
        return new AAbort(body[2] & 0xFF, body[3] & 0xFF);
    }

    @Override
    public String toString() {
        String src = source == SOURCE_SERVICE_USER ? "service-user"
                : source == SOURCE_SERVICE_PROVIDER ? "service-provider" : "source " + source;
        String why;
        switch (reason) {
            case UNRECOGNIZED_PDU: why = "unrecognized-PDU"; break;
            case UNEXPECTED_PDU: why = "unexpected-PDU"; break;
            case UNRECOGNIZED_PDU_PARAMETER: why = "unrecognized-PDU-parameter"; break;
            case UNEXPECTED_PDU_PARAMETER: why = "unexpected-PDU-parameter"; break;
            case INVALID_PDU_PARAMETER_VALUE: why = "invalid-PDU-parameter-value"; break;
            default: why = "reason " + reason;
        }
        return "A-ABORT[" + src + ", " + why + "]";
    }
}
