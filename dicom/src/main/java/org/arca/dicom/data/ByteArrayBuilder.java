package org.arca.dicom.data;

import java.util.Arrays;

/** A growable byte array, for building encoded values without stream overhead. */
final class ByteArrayBuilder {
    private byte[] buf = new byte[64];
    private int size;

    void add(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    void add(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    int size() {
        return size;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
