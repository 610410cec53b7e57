package org.arca.ejb.storage.transform;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@link SegmentedGcm} segments from {@code firstIndex} on and returns their plaintext;
 * every segment is authenticated before any of its bytes is returned, and a stream that ends
 * without its last segment fails.
 */
final class GcmDecryptingInputStream extends InputStream {
    private final InputStream in;
    private final SegmentedGcm gcm;
    private final byte[] sealed;
    private final byte[] plain;
    private int index;
    private int pos;
    private int limit;
    private boolean sawLast;
    private int pending = -1; // the byte read ahead after the previous segment

    GcmDecryptingInputStream(InputStream in, SegmentedGcm gcm, int firstIndex) {
        this.in = in;
        this.gcm = gcm;
        this.index = firstIndex;
        this.sealed = new byte[gcm.storedSegmentSize() + 1]; // one more byte: is there anything after this segment?
        this.plain = new byte[gcm.segmentSize];
    }

    private boolean fill() throws IOException {
        while (pos == limit) {
            if (sawLast) {
                return false;
            }
            int n = 0;
            if (pending >= 0) {
                sealed[n++] = (byte) pending;
                pending = -1;
            }
            n += in.readNBytes(sealed, n, sealed.length - n);
            boolean last = n < sealed.length;
            if (!last) {
                pending = sealed[sealed.length - 1] & 0xFF;
                n--;
            }
            if (n < SegmentedGcm.TAG_SIZE) {
                throw new IOException("encrypted object truncated at segment " + index);
            }
            limit = gcm.seal(false, index++, last, sealed, n, plain);
            pos = 0;
            sawLast = last;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? plain[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && fill()) {
            int k = (int) Math.min(n - skipped, limit - pos);
            pos += k;
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
