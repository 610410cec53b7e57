package org.arca.dicom.net.pdu;

import java.io.IOException;

/**
 * P-DATA-TF PDU layout (PS3.8 9.3.5, annex E): PDU header, then PDV items of
 * [4-byte item length][presentation context ID][message control header][fragment].
 */
public final class PDataTF {
    /** Message control header bit 0: command (1) or data set (0). */
    public static final int COMMAND = 0x01;
    /** Message control header bit 1: last fragment. */
    public static final int LAST = 0x02;
    public static final int PDU_HEADER_LENGTH = 6;
    public static final int PDV_HEADER_LENGTH = 6;

    /** Receives the PDVs of one P-DATA-TF PDU. */
    public interface PdvHandler {
        /** Called with the PDV's header; must consume exactly {@code length} bytes from the input. */
        void onPdv(int pcid, int controlHeader, int length, PduInput in) throws IOException;
    }

    private PDataTF() {
    }

    /** Writes PDU header and one PDV header at the start of {@code buf} for a fragment of {@code len}. */
    public static void putHeaders(byte[] buf, int pcid, int controlHeader, int len) {
        int pduLen = len + PDV_HEADER_LENGTH;
        buf[0] = PduType.P_DATA_TF;
        buf[1] = 0;
        putInt(buf, 2, pduLen);
        putInt(buf, 6, len + 2);
        buf[10] = (byte) pcid;
        buf[11] = (byte) controlHeader;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }

    /** Walks the PDVs of a P-DATA-TF PDU whose header was just read, validating every length. */
    public static void read(PduInput in, long pduLength, PdvHandler handler) throws IOException {
        long remaining = pduLength;
        if (remaining < PDV_HEADER_LENGTH) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without PDV");
        }
        while (remaining > 0) {
            if (remaining < PDV_HEADER_LENGTH) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "truncated PDV header");
            }
            long itemLength = in.readInt() & 0xFFFFFFFFL;
            if (itemLength < 2 || itemLength > remaining - 4) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                        "PDV length " + itemLength + " inconsistent with PDU length " + pduLength);
            }
            int pcid = in.readByte();
            int mch = in.readByte();
            if ((mch & ~(COMMAND | LAST)) != 0) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                        String.format("reserved bits set in message control header 0x%02X", mch));
            }
            handler.onPdv(pcid, mch, (int) (itemLength - 2), in);
            remaining -= 4 + itemLength;
        }
    }
}
