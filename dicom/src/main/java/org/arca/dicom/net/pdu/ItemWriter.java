package org.arca.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable big-endian buffer for association PDUs, with back-patched item lengths. */
final class ItemWriter {
    private byte[] buf = new byte[512];
    private int len;

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    ItemWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    ItemWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
        return this;
    }

    ItemWriter u32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >> 24);
        buf[len++] = (byte) (v >> 16);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
        return this;
    }

    ItemWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    ItemWriter zeros(int n) {
        ensure(n);
        Arrays.fill(buf, len, len + n, (byte) 0);
        len += n;
        return this;
    }

    /** AE title field: exactly 16 bytes, space padded. */
    ItemWriter aeTitle(String ae) {
        byte[] b = ae.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 16) {
            throw new IllegalArgumentException("AE title longer than 16: " + ae);
        }
        bytes(b);
        ensure(16 - b.length);
        Arrays.fill(buf, len, len + 16 - b.length, (byte) ' ');
        len += 16 - b.length;
        return this;
    }

    int mark() {
        return len;
    }

    /** Starts an item: type, reserved, 2-byte length placeholder; returns the mark for end16. */
    int begin16(int type) {
        u8(type).u8(0).u16(0);
        return len;
    }

    void end16(int start) {
        int n = len - start;
        if (n > 0xFFFF) {
            throw new IllegalArgumentException("item longer than 65535 bytes");
        }
        buf[start - 2] = (byte) (n >> 8);
        buf[start - 1] = (byte) n;
    }

    /** Item holding one ASCII string (UIDs, version name). */
    ItemWriter stringItem(int type, String s) {
        int m = begin16(type);
        bytes(s.getBytes(StandardCharsets.US_ASCII));
        end16(m);
        return this;
    }

    byte[] toPdu(int pduType) {
        byte[] out = new byte[len + 6];
        out[0] = (byte) pduType;
        out[2] = (byte) (len >> 24);
        out[3] = (byte) (len >> 16);
        out[4] = (byte) (len >> 8);
        out[5] = (byte) len;
        System.arraycopy(buf, 0, out, 6, len);
        return out;
    }
}
