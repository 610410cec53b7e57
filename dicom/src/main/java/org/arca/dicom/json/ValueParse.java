package org.arca.dicom.json;

import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;
import org.arca.dicom.data.Values;

import java.util.List;

/**
 * How the JSON and XML readers turn text back into raw values: numbers of the binary VRs into
 * little-endian bytes, tags from 8 hex digits, and InlineBinary of pixel data into
 * {@link Fragments} when it holds an encapsulated Value Field.
 */
public final class ValueParse {

    private static final int PIXEL_DATA = 0x7FE00010;

    private ValueParse() {
    }

    /** A tag from 8 hex digits; IllegalArgumentException otherwise. */
    public static int tag(String hex) {
        if (hex.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + hex);
        }
        return (int) Long.parseLong(hex, 16);
    }

    /**
     * Encodes numbers (decimal text; for AT 8 hex digits) as a little-endian value of a binary
     * VR: US, SS, UL, SL, UV, SV, FL, FD, AT. A null entry (an empty value) is encoded as 0, as
     * binary VRs have no empty values.
     */
    public static byte[] binary(VR vr, List<String> values) {
        int unit = vr == VR.AT ? 4 : vr.swapUnit();
        byte[] b = new byte[values.size() * unit];
        for (int i = 0; i < values.size(); i++) {
            String s = values.get(i);
            int off = i * unit;
            if (s == null) {
                continue;
            }
            switch (vr) {
                case AT -> {
                    int t = tag(s);
                    Values.put(b, off, 2, t >>> 16, false);
                    Values.put(b, off + 2, 2, t & 0xFFFF, false);
                }
                case FL -> Values.put(b, off, 4, Float.floatToRawIntBits(Float.parseFloat(s)), false);
                case FD -> Values.put(b, off, 8, Double.doubleToRawLongBits(Double.parseDouble(s)), false);
                case UV -> Values.put(b, off, 8, Long.parseUnsignedLong(s), false);
                default -> Values.put(b, off, unit, integer(s), false);
            }
        }
        return b;
    }

    /** An integer, also written as a decimal with zero fraction or exponent ("512.0", "5.12E2"). */
    private static long integer(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return new java.math.BigDecimal(s).longValueExact();
        }
    }

    /** Joins Person Name groups (Alphabetic, Ideographic, Phonetic) into one value. */
    public static String personName(String alphabetic, String ideographic, String phonetic) {
        return ValueFormat.join('=', alphabetic, ideographic, phonetic);
    }

    /**
     * For Pixel Data whose bytes are an encapsulated Value Field (items, then a Sequence
     * Delimitation Item, and nothing else) the {@link Fragments}; otherwise {@code b} itself.
     */
    public static Object pixelData(int tag, VR vr, byte[] b) {
        if (tag != PIXEL_DATA || (vr != VR.OB && vr != VR.OW) || !isEncapsulated(b)) {
            return b;
        }
        Fragments f = new Fragments(tag, vr);
        int p = 0;
        while (Values.u16(b, p + 2, false) == 0xE000) {
            int len = Values.u32(b, p + 4, false);
            f.add(java.util.Arrays.copyOfRange(b, p + 8, p + 8 + len));
            p += 8 + len;
        }
        return f;
    }

    private static boolean isEncapsulated(byte[] b) {
        int p = 0;
        while (p + 8 <= b.length && Values.u16(b, p, false) == 0xFFFE) {
            int elem = Values.u16(b, p + 2, false);
            long len = Values.u32(b, p + 4, false) & 0xFFFFFFFFL;
            if (elem == 0xE0DD) {
                return len == 0 && p + 8 == b.length && p > 0;
            }
            if (elem != 0xE000 || p + 8 + len > b.length) {
                return false;
            }
            p += 8 + (int) len;
        }
        return false;
    }
}
