package org.arca.dicom.json;

import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;
import org.arca.dicom.data.Values;

/**
 * How the JSON and XML writers turn raw values into text: tags as 8 hex digits, binary numbers
 * in decimal (floats in the shortest form that reads back to the same bits), little-endian
 * copies of binary values, Person Name groups and components.
 */
public final class ValueFormat {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Integers beyond +-2^53 lose precision in JavaScript: SV/UV beyond it go out as strings. */
    private static final long SAFE_INTEGER = 1L << 53;

    private ValueFormat() {
    }

    /** E.g. {@code 0010A0B0}: 8 uppercase hex digits. */
    public static String tag(int tag) {
        char[] c = new char[8];
        for (int i = 7; i >= 0; i--) {
            c[i] = HEX[tag & 0xF];
            tag >>>= 4;
        }
        return new String(c);
    }

    /** The VRs whose value is a byte stream (InlineBinary, BulkData), not a list of values. */
    public static boolean isBulkVR(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    /** Length in bytes of a {@code byte[]}, {@link BulkData} or {@link Fragments} value. */
    public static long length(Object value) {
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof BulkData b) {
            return b.length();
        }
        long n = 0;
        Fragments f = (Fragments) value;
        for (int i = 0; i < f.size(); i++) {
            n += f.length(i);
        }
        return n;
    }

    /** Number of values in a binary value of {@code vr} (US, SS, UL, SL, SV, UV, FL, FD, AT). */
    public static int count(VR vr, int length) {
        return length / (vr == VR.AT ? 4 : vr.swapUnit());
    }

    /**
     * Value {@code index} of a binary numeric value as decimal text: unsigned for US, UL, UV;
     * FL and FD as Java prints them ({@code 1.5E-7}, {@code NaN}, {@code Infinity}).
     */
    public static String number(VR vr, byte[] b, int index, boolean bigEndian) {
        return switch (vr) {
            case US -> Integer.toString(Values.u16(b, index * 2, bigEndian));
            case SS -> Integer.toString((short) Values.u16(b, index * 2, bigEndian));
            case UL -> Long.toString(Values.u32(b, index * 4, bigEndian) & 0xFFFFFFFFL);
            case SL -> Integer.toString(Values.u32(b, index * 4, bigEndian));
            case UV -> Long.toUnsignedString(Values.u64(b, index * 8, bigEndian));
            case SV -> Long.toString(Values.u64(b, index * 8, bigEndian));
            case FL -> Float.toString(Float.intBitsToFloat(Values.u32(b, index * 4, bigEndian)));
            case FD -> Double.toString(Double.longBitsToDouble(Values.u64(b, index * 8, bigEndian)));
            default -> throw new IllegalArgumentException(vr + " is not a binary numeric VR");
        };
    }

    /** Value {@code index} of an AT value as 8 hex digits. */
    public static String attributeTag(byte[] b, int index, boolean bigEndian) {
        return tag((Values.u16(b, index * 4, bigEndian) << 16) | Values.u16(b, index * 4 + 2, bigEndian));
    }

    /**
     * Whether a value goes out as a JSON number: only when the text is a JSON number literal
     * (RFC 8259 6: DS allows "+1", ".5", "1." and leading zeros, JSON does not) and, for SV
     * and UV, JavaScript can hold it exactly. Otherwise it goes out as a string, which PS3.18
     * F.2.3 allows for IS, DS, SV and UV "to preserve the original format".
     */
    public static boolean isJsonNumber(VR vr, String s) {
        if (!isJsonNumber(s)) {
            return false;
        }
        if (vr == VR.SV) {
            long v = Long.parseLong(s);
            return v >= -SAFE_INTEGER && v <= SAFE_INTEGER;
        }
        if (vr == VR.UV) {
            return Long.compareUnsigned(Long.parseUnsignedLong(s), SAFE_INTEGER) <= 0;
        }
        return true;
    }

    /** RFC 8259: {@code -? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?}. */
    public static boolean isJsonNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else {
            int start = i;
            i = digits(s, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = digits(s, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = digits(s, i);
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The bytes of a binary value in little-endian order: {@code b} itself or a swapped copy. */
    public static byte[] littleEndian(VR vr, byte[] b, boolean bigEndian) {
        if (!bigEndian || vr.swapUnit() == 1) {
            return b;
        }
        byte[] copy = b.clone();
        Values.swap(copy, 0, copy.length - copy.length % vr.swapUnit(), vr.swapUnit());
        return copy;
    }

    /** The Alphabetic, Ideographic and Phonetic groups of a PN value ("" where absent). */
    public static String[] personNameGroups(String value) {
        return split(value, '=', 3);
    }

    /** Family name, given name, middle name, prefix, suffix of a PN group ("" where absent). */
    public static String[] personNameComponents(String group) {
        return split(group, '^', 5);
    }

    /**
     * Splits at {@code sep} into exactly {@code n} parts; a surplus separator stays in the last
     * part, so that joining the parts gives the value back.
     */
    private static String[] split(String s, char sep, int n) {
        String[] parts = new String[n];
        int from = 0;
        for (int i = 0; i < n - 1; i++) {
            int at = from <= s.length() ? s.indexOf(sep, from) : -1;
            if (at < 0) {
                parts[i] = from <= s.length() ? s.substring(from) : "";
                from = s.length() + 1;
            } else {
                parts[i] = s.substring(from, at);
                from = at + 1;
            }
        }
        parts[n - 1] = from <= s.length() ? s.substring(from) : "";
        return parts;
    }

    /** Joins parts with {@code sep}, leaving out trailing empty parts (PS3.5 6.2: they may be omitted). */
    public static String join(char sep, String... parts) {
        int n = parts.length;
        while (n > 0 && (parts[n - 1] == null || parts[n - 1].isEmpty())) {
            n--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            if (parts[i] != null) {
                sb.append(parts[i]);
            }
        }
        return sb.toString();
    }

    /** Text values of bytes not held by {@code a} (e.g. read from BulkData), decoded as if they were. */
    public static String[] textValues(org.arca.dicom.data.Attributes a, VR vr, byte[] b) {
        org.arca.dicom.data.Attributes tmp = new org.arca.dicom.data.Attributes();
        tmp.setString(0x00080005, VR.CS, a.specificCharacterSet().codes());
        tmp.setValue(0x00080006, vr, b);
        return tmp.getStrings(0x00080006);
    }
}
