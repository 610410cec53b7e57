package org.arca.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A read buffer over a non-seekable stream that counts the stream position and lets the
 * parser look at an element header before deciding to consume it (so reading can stop just
 * before an element and leave the stream there). Element headers are decoded straight from
 * {@link #buf}; large values bypass it.
 */
final class StreamBuffer {

    private static final int SIZE = 16 * 1024;
    /**
     * The first read takes one page: the header of an image (what most reads want, up to the
     * pixel data) usually fits, and reading, copying and zeroing 16 KB for it cost more than
     * parsing it. Each further refill doubles the buffer up to {@link #SIZE}.
     */
    private static final int FIRST = 4 * 1024;

    private InputStream in;
    byte[] buf = new byte[FIRST];
    int pos;
    int lim;
    /** Stream offset of buf[0]. */
    private long base;

    StreamBuffer(InputStream in) {
        this.in = in;
    }

    long position() {
        return base + pos;
    }

    int available() {
        return lim - pos;
    }

    /** Makes {@code n} (at most the buffer size) bytes available; false when the stream ends first. */
    boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        if (buf.length < SIZE && base > 0) {
            buf = Arrays.copyOf(buf, buf.length * 2); // read on past the first page: larger reads
        }
        while (lim < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                return false;
            }
            lim += r;
        }
        return true;
    }

    /** Reads up to {@code len} bytes into {@code dst}; returns how many there were. */
    int read(byte[] dst, int off, int len) throws IOException {
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        while (n < len) {
            int r = in.read(dst, off + n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
            base += r; // bytes read past the buffer advance the buffer's origin
        }
        return n;
    }

    /**
     * Consumes the rest of the stream if every byte of it is zero and returns how many there
     * were. Returns -1, having consumed nothing, when a non-zero byte is among the bytes already
     * buffered; -2 when one came later (the zeros before it are consumed then).
     */
    long zeroRest() throws IOException {
        long n = 0;
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] != 0) {
                    return n == 0 ? -1 : -2;
                }
            }
            n += lim - pos;
            base += lim;
            pos = lim = 0;
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                return n;
            }
            lim = r;
        }
    }

    /** Skips up to {@code len} bytes; returns how many there were. */
    long skip(long len) throws IOException {
        long n = Math.min(len, lim - pos);
        pos += (int) n;
        while (n < len) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, len - n));
            if (r < 0) {
                break;
            }
            n += r;
            base += r;
        }
        if (pos == lim) {
            base += pos;
            pos = lim = 0;
        }
        return n;
    }

    /** From here on, reads the inflated bytes of the rest of the stream (raw deflate, PS3.5 A.5). */
    void inflateRest() {
        InputStream rest = new ByteArrayInputStream(buf.clone(), pos, lim - pos);
        in = new InflaterInputStream(new SequenceInputStream(rest, in), new Inflater(true), SIZE);
        base = 0;
        pos = lim = 0;
    }

    void close() throws IOException {
        in.close();
    }

    int u16(int off, boolean bigEndian) {
        int p = pos + off;
        return bigEndian ? ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF)
                : ((buf[p + 1] & 0xFF) << 8) | (buf[p] & 0xFF);
    }

    int u32(int off, boolean bigEndian) {
        return bigEndian ? (u16(off, true) << 16) | u16(off + 2, true)
                : (u16(off + 2, false) << 16) | u16(off, false);
    }

    /** A tag is two 16-bit numbers, group then element, each in the stream's byte order. */
    int tag(int off, boolean bigEndian) {
        return (u16(off, bigEndian) << 16) | u16(off + 2, bigEndian);
    }
}
