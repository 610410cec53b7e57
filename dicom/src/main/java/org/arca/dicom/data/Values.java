package org.arca.dicom.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between raw value bytes and Java values: numbers of the binary VRs in either
 * byte order, backslash-separated text, and the padding rules of PS3.5 6.2 (trailing spaces
 * of text, trailing NUL of UI, leading spaces of the non-text-block string VRs insignificant).
 */
public final class Values {

    private static final String[] NO_STRINGS = {};

    private Values() {
    }

    /** Number of values in a binary value of {@code vr}, from its length. */
    static int binaryCount(VR vr, int length) {
        return length / (vr == VR.AT ? 4 : vr.swapUnit());
    }

    /** Reads value {@code index} of a binary value of VR {@code vr} as a long. */
    static long binaryLong(VR vr, byte[] b, int index, boolean bigEndian) {
        int off = index * vr.swapUnit();
        switch (vr) {
            case US: case OW:
                return u16(b, off, bigEndian);
            case SS:
                return (short) u16(b, off, bigEndian);
            case UL: case OL:
                return u32(b, off, bigEndian) & 0xFFFFFFFFL;
            case SL:
                return u32(b, off, bigEndian);
            case AT:
                return ((long) u16(b, off * 2, bigEndian) << 16) | u16(b, off * 2 + 2, bigEndian);
            case SV: case UV: case OV:
                return u64(b, off, bigEndian);
            case FL: case OF:
                return (long) Float.intBitsToFloat(u32(b, off, bigEndian));
            case FD: case OD:
                return (long) Double.longBitsToDouble(u64(b, off, bigEndian));
            default:
                return b[index] & 0xFF;
        }
    }

    /** Reads value {@code index} of a binary value of VR {@code vr} as a double. */
    static double binaryDouble(VR vr, byte[] b, int index, boolean bigEndian) {
        int off = index * vr.swapUnit();
        switch (vr) {
            case FL: case OF:
                return Float.intBitsToFloat(u32(b, off, bigEndian));
            case FD: case OD:
                return Double.longBitsToDouble(u64(b, off, bigEndian));
            default:
                return binaryLong(vr, b, index, bigEndian);
        }
    }

    public static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF)
                : ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    public static int u32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : ((b[off + 3] & 0xFF) << 24) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    public static long u64(byte[] b, int off, boolean bigEndian) {
        long hi = u32(b, bigEndian ? off : off + 4, bigEndian) & 0xFFFFFFFFL;
        long lo = u32(b, bigEndian ? off + 4 : off, bigEndian) & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** Writes {@code v} into {@code size} bytes (2, 4 or 8) at {@code off}. */
    public static void put(byte[] b, int off, int size, long v, boolean bigEndian) {
        for (int i = 0; i < size; i++) {
            int shift = 8 * (bigEndian ? size - 1 - i : i);
            b[off + i] = (byte) (v >>> shift);
        }
    }

    /** Reverses the byte order of every {@code unit}-byte number in {@code b} in place. */
    public static void swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return;
        }
        for (int i = off, end = off + len - unit + 1; i < end; i += unit) {
            for (int lo = i, hi = i + unit - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }

    /** Encodes numbers as a binary value of {@code vr}. */
    static byte[] binary(VR vr, long[] values, boolean bigEndian) {
        int unit = vr == VR.AT ? 4 : vr.swapUnit();
        byte[] b = new byte[values.length * unit];
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            if (vr == VR.AT) {
                put(b, i * 4, 2, v >>> 16, bigEndian);
                put(b, i * 4 + 2, 2, v & 0xFFFF, bigEndian);
            } else if (vr == VR.FL || vr == VR.OF) {
                put(b, i * 4, 4, Float.floatToIntBits(v), bigEndian);
            } else if (vr == VR.FD || vr == VR.OD) {
                put(b, i * 8, 8, Double.doubleToLongBits(v), bigEndian);
            } else {
                put(b, i * unit, unit, v, bigEndian);
            }
        }
        return b;
    }

    /** Encodes floating point numbers as FL/OF or FD/OD. */
    static byte[] binary(VR vr, double[] values, boolean bigEndian) {
        if (vr != VR.FL && vr != VR.OF && vr != VR.FD && vr != VR.OD) {
            long[] l = new long[values.length];
            for (int i = 0; i < l.length; i++) {
                l[i] = Math.round(values[i]);
            }
            return binary(vr, l, bigEndian);
        }
        int unit = vr.swapUnit();
        byte[] b = new byte[values.length * unit];
        for (int i = 0; i < values.length; i++) {
            long bits = unit == 4 ? Float.floatToIntBits((float) values[i]) : Double.doubleToLongBits(values[i]);
            put(b, i * unit, unit, bits, bigEndian);
        }
        return b;
    }

    /** Splits decoded text at backslashes (multi-valued VRs) and strips insignificant padding. */
    static String[] splitText(String s, VR vr) {
        if (s.isEmpty()) {
            return NO_STRINGS;
        }
        if (!vr.isMultiValuedText()) {
            return new String[] {trim(s, vr)};
        }
        int from = 0;
        int bs = s.indexOf('\\');
        if (bs < 0) {
            return new String[] {trim(s, vr)};
        }
        List<String> list = new ArrayList<>();
        while (bs >= 0) {
            list.add(trim(s.substring(from, bs), vr));
            from = bs + 1;
            bs = s.indexOf('\\', from);
        }
        list.add(trim(s.substring(from), vr));
        return list.toArray(NO_STRINGS);
    }

    /** Strips padding: trailing spaces and NULs always, leading spaces except for ST/LT/UT/UR. */
    static String trim(String s, VR vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        int start = 0;
        if (vr != VR.ST && vr != VR.LT && vr != VR.UT && vr != VR.UR && vr != VR.PN) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    /** Joins values with backslashes and encodes them, padding to even length with the VR's pad byte. */
    static byte[] text(String[] values, VR vr, SpecificCharacterSet cs) {
        String joined = values.length == 1 ? values[0] : String.join("\\", values);
        byte[] b = vr.usesCharacterSet() ? cs.encode(joined, vr)
                : joined.getBytes(StandardCharsets.ISO_8859_1);
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] padded = new byte[b.length + 1];
        System.arraycopy(b, 0, padded, 0, b.length);
        padded[b.length] = vr.padding();
        return padded;
    }
}
