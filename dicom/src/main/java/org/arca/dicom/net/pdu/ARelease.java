package org.arca.dicom.net.pdu;

/** A-RELEASE-RQ and A-RELEASE-RP PDUs (PS3.8 9.3.6/9.3.7): fixed 10 bytes, body all reserved. */
public final class ARelease {
    private ARelease() {
    }

    public static byte[] rq() {
        return new byte[] {PduType.A_RELEASE_RQ, 0, 0, 0, 0, 4, 0, 0, 0, 0};
    }

    public static byte[] rp() {
        return new byte[] {PduType.A_RELEASE_RP, 0, 0, 0, 0, 4, 0, 0, 0, 0};
    }

    public static void checkBody(int type, byte[] body) throws PduException {
        if (body.length != 4) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    PduType.name(type) + " length " + body.length);
        }
    }
}
