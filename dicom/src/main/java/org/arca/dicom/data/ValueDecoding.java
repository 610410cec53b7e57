package org.arca.dicom.data;

import java.nio.charset.StandardCharsets;

/**
 * Decoding of values as {@link Attributes} keeps them (raw bytes in the data set's byte
 * order) into text and numbers, for its typed getters.
 */
final class ValueDecoding {
    static final String[] NO_STRINGS = {};

    private ValueDecoding() {
    }

    /** All values as text, padding stripped: text VRs decoded with {@code cs}, binary numbers in decimal. */
    static String[] strings(VR vr, byte[] b, boolean bigEndian, SpecificCharacterSet cs) {
        if (b.length == 0) {
            return NO_STRINGS;
        }
        if (vr.isText()) {
            return Values.splitText(cs.decode(b, 0, b.length, vr), vr);
        }
        if (vr.swapUnit() == 1 && vr != VR.AT) {
            return new String[] {new String(b, StandardCharsets.ISO_8859_1)};
        }
        String[] s = new String[Values.binaryCount(vr, b.length)];
        for (int k = 0; k < s.length; k++) {
            s[k] = vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD
                    ? Double.toString(Values.binaryDouble(vr, b, k, bigEndian))
                    : vr == VR.AT ? String.format("%08X", Values.binaryLong(vr, b, k, bigEndian))
                    : Long.toString(Values.binaryLong(vr, b, k, bigEndian));
        }
        return s;
    }

    /** At most {@code max} values of IS or DS text (DS rounded toward zero). */
    static long[] longs(VR vr, String[] text, int max) {
        long[] r = new long[Math.min(max, text.length)];
        for (int k = 0; k < r.length; k++) {
            r[k] = vr == VR.DS ? (long) Double.parseDouble(text[k]) : Long.parseLong(text[k]);
        }
        return r;
    }

    /** At most {@code max} values of a binary VR. */
    static long[] longs(VR vr, byte[] b, boolean bigEndian, int max) {
        long[] r = new long[Math.min(max, Values.binaryCount(vr, b.length))];
        for (int k = 0; k < r.length; k++) {
            r[k] = Values.binaryLong(vr, b, k, bigEndian);
        }
        return r;
    }

    static double[] doubles(String[] text) {
        double[] r = new double[text.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = Double.parseDouble(text[k]);
        }
        return r;
    }

    static double[] doubles(VR vr, byte[] b, boolean bigEndian) {
        double[] r = new double[Values.binaryCount(vr, b.length)];
        for (int k = 0; k < r.length; k++) {
            r[k] = Values.binaryDouble(vr, b, k, bigEndian);
        }
        return r;
    }
}
