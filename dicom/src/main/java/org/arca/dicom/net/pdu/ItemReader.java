package org.arca.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/** Big-endian cursor over a PDU body; every read is bounds-checked so garbage fails as a PduException. */
final class ItemReader {
    private final byte[] buf;
    private int pos;
    private final int limit;

    ItemReader(byte[] buf, int offset, int limit) {
        this.buf = buf;
        this.pos = offset;
        this.limit = limit;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    private void need(int n) throws PduException {
        if (n < 0 || limit - pos < n) {
            throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                    "item length exceeds PDU at offset " + pos);
        }
    }

    int u8() throws PduException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int u16() throws PduException {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32() throws PduException {
        need(4);
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    void skip(int n) throws PduException {
        need(n);
        pos += n;
    }

    byte[] bytes(int n) throws PduException {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** A UID or AE title: ASCII, trailing NUL/space padding and leading spaces removed. */
    String ascii(int n) throws PduException {
        need(n);
        int start = pos;
        int end = pos + n;
        pos = end;
        while (end > start && (buf[end - 1] == 0 || buf[end - 1] == ' ')) {
            end--;
        }
        while (start < end && buf[start] == ' ') {
            start++;
        }
        for (int i = start; i < end; i++) {
            if (buf[i] < 0x20 || buf[i] > 0x7E) {
                throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                        "non-printable character in text field at offset " + i);
            }
        }
        return new String(buf, start, end - start, StandardCharsets.US_ASCII);
    }

    /** A sub-reader over the next n bytes; this reader moves past them. */
    ItemReader slice(int n) throws PduException {
        need(n);
        ItemReader r = new ItemReader(buf, pos, pos + n);
        pos += n;
        return r;
    }
}
