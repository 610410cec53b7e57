package org.arca.dicomweb.render;

/**
 * The stored samples of an uncompressed frame (PS3.5 8.1.1, 8.2): 8, 16 or 32 bits allocated,
 * Bits Stored below High Bit, two's complement when Pixel Representation is 1.
 */
final class Samples {
    private final byte[] b;
    private final int bytes;
    private final int shift;
    private final long mask;
    private final int bitsStored;
    private final boolean signed;
    private final boolean bigEndian;

    Samples(byte[] b, int bitsAllocated, int bitsStored, int highBit, boolean signed, boolean bigEndian) {
        this.b = b;
        this.bytes = bitsAllocated / 8;
        this.bitsStored = Math.max(1, Math.min(bitsStored, bitsAllocated));
        this.shift = Math.max(0, highBit + 1 - this.bitsStored);
        this.mask = (1L << this.bitsStored) - 1;
        this.signed = signed;
        this.bigEndian = bigEndian;
    }

    long count() {
        return b.length / bytes;
    }

    int bitsStored() {
        return bitsStored;
    }

    /** Sample {@code i} as its (signed) stored value. */
    long get(int i) {
        int p = i * bytes;
        long raw = 0;
        for (int k = 0; k < bytes; k++) {
            int at = bigEndian ? p + k : p + bytes - 1 - k;
            raw = raw << 8 | (b[at] & 0xFF);
        }
        raw = (raw >>> shift) & mask;
        if (signed && (raw & (1L << (bitsStored - 1))) != 0) {
            raw -= 1L << bitsStored;
        }
        return raw;
    }

    /** Sample {@code i} scaled to 0..255 (the top 8 of the stored bits). */
    int get8(int i) {
        long v = get(i);
        if (signed) {
            v += 1L << (bitsStored - 1);
        }
        return (int) (bitsStored > 8 ? v >>> (bitsStored - 8) : v << (8 - bitsStored)) & 0xFF;
    }
}
