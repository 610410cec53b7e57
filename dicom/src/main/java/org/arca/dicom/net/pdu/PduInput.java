package org.arca.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads PDUs from a (buffered) socket stream: the 6-byte header first, then either a whole
 * small body (association PDUs) or, for P-DATA-TF, PDV by PDV so data never piles up.
 */
public final class PduInput {
    /** Upper bound for non-data PDU bodies: generous for SAML/JWT identities, closed to garbage. */
    public static final int MAX_CONTROL_PDU = 1 << 20;

    /** A stream that can read into a (direct) buffer without passing the bytes through an array. */
    public interface DirectReads {
        void readFully(ByteBuffer dst) throws IOException;
    }

    private final InputStream in;
    private final byte[] hdr = new byte[6];
    private int type;
    private long length;

    public PduInput(InputStream in) {
        this.in = in;
    }

    /** Reads a PDU header; false on end of stream before its first byte. */
    public boolean readHeader() throws IOException {
        int b = in.read();
        if (b < 0) {
            return false;
        }
        hdr[0] = (byte) b;
        readFully(hdr, 1, 5);
        type = b;
        length = ((long) (hdr[2] & 0xFF) << 24) | ((hdr[3] & 0xFF) << 16) | ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
        return true;
    }

    public int type() {
        return type;
    }

    public long length() {
        return length;
    }

    /** Reads the body of a control PDU, rejecting absurd lengths before allocating. */
    public byte[] readBody() throws IOException {
        if (length > MAX_CONTROL_PDU) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    PduType.name(type) + " length " + length + " exceeds " + MAX_CONTROL_PDU);
        }
        byte[] b = new byte[(int) length];
        readFully(b, 0, b.length);
        return b;
    }

    public int readInt() throws IOException {
        readFully(hdr, 0, 4);
        return ((hdr[0] & 0xFF) << 24) | ((hdr[1] & 0xFF) << 16) | ((hdr[2] & 0xFF) << 8) | (hdr[3] & 0xFF);
    }

    public int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed inside a PDU");
        }
        return b;
    }

    public void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed inside a PDU");
            }
            off += n;
            len -= n;
        }
    }

    /** True when {@link #readFully(ByteBuffer)} fills direct buffers without a copy: give it those. */
    public boolean readsDirect() {
        return in instanceof DirectReads;
    }

    /** Fills {@code dst} (from its position to its limit). */
    public void readFully(ByteBuffer dst) throws IOException {
        if (in instanceof DirectReads d) {
            d.readFully(dst);
        } else if (dst.hasArray()) {
            readFully(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            dst.position(dst.limit());
        } else {
            byte[] b = new byte[dst.remaining()];
            readFully(b, 0, b.length);
            dst.put(b);
        }
    }

    public void skip(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                readByte();
                s = 1;
            }
            n -= s;
        }
    }
}
