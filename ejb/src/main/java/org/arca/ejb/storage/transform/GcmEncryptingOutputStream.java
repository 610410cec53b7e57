package org.arca.ejb.storage.transform;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the {@link SegmentedGcm} header, then one sealed segment per segment size of input. */
final class GcmEncryptingOutputStream extends OutputStream {
    private final OutputStream out;
    private final SegmentedGcm gcm;
    private final byte[] plain;
    private final byte[] sealed;
    private int filled;
    private int index;
    private boolean finished;

    GcmEncryptingOutputStream(OutputStream out, SegmentedGcm gcm) throws IOException {
        this.out = out;
        this.gcm = gcm;
        this.plain = new byte[gcm.segmentSize];
        this.sealed = new byte[gcm.storedSegmentSize()];
        out.write(gcm.header);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == plain.length) {
                // only now is it known that this segment is not the last one
                seal(false);
            }
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        int n = gcm.seal(true, index++, last, plain, filled, sealed);
        out.write(sealed, 0, n);
        filled = 0;
    }

    /** Seals what is buffered as the last segment (possibly empty). */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            seal(true);
            out.flush();
        }
    }

    @Override
    public void flush() {
        // segments go out when full: flushing a partial one would end the object early
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
