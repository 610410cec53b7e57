package org.arca.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.arca.dicom.net.pdu.PDataTF;
import org.arca.dicom.net.pdu.PduOutput;

/**
 * Fragments a command or data set into PDVs no larger than the peer's maximum PDU length.
 * The caller holds the {@link PduOutput} lock for the whole message; {@link #close()} sends
 * the last fragment. Writing straight into the PDU buffer avoids a copy per PDU.
 */
public final class PdvOutputStream extends OutputStream {
    private final PduOutput out;
    private final int pcid;
    private final int command;
    private final byte[] buf;
    private final int max;
    private int len;
    private boolean closed;

    public PdvOutputStream(PduOutput out, int pcid, boolean command) {
        this.out = out;
        this.pcid = pcid;
        this.command = command ? PDataTF.COMMAND : 0;
        this.buf = out.buffer();
        this.max = out.maxPayload();
    }

    @Override
    public void write(int b) throws IOException {
        if (len == max) {
            flushFragment(false);
        }
        buf[PduOutput.PAYLOAD_OFFSET + len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        if (closed) {
            throw new IOException("PDV stream closed");
        }
        while (n > 0) {
            if (len == max) {
                flushFragment(false);
            }
            int c = Math.min(n, max - len);
            System.arraycopy(b, off, buf, PduOutput.PAYLOAD_OFFSET + len, c);
            len += c;
            off += c;
            n -= c;
        }
    }

    /**
     * Writes the bytes remaining in {@code src} (e.g. a direct buffer a file was read into),
     * copied straight into the PDU buffer.
     */
    public void write(ByteBuffer src) throws IOException {
        if (closed) {
            throw new IOException("PDV stream closed");
        }
        while (src.hasRemaining()) {
            if (len == max) {
                flushFragment(false);
            }
            int c = Math.min(src.remaining(), max - len);
            src.get(buf, PduOutput.PAYLOAD_OFFSET + len, c);
            len += c;
        }
    }

    private void flushFragment(boolean last) throws IOException {
        out.sendFragment(pcid, command | (last ? PDataTF.LAST : 0), len);
        len = 0;
    }

    /** Sends the final fragment (possibly the only one). */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            flushFragment(true);
        }
    }
}
