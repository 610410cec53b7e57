package org.arca.dicom.data;

/** Numbers as the text of IS and DS values, and ints widened as the binary VRs read them. */
final class NumberText {
    private NumberText() {
    }

    /** Unsigned VRs (UL, AT, UV) take an int's 32 bits as an unsigned number. */
    static long[] widen(VR vr, int[] values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = vr == VR.UL || vr == VR.AT || vr == VR.UV ? values[i] & 0xFFFFFFFFL : values[i];
        }
        return l;
    }

    static String[] integers(long[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Long.toString(values[i]);
        }
        return s;
    }

    static String[] decimals(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = DateTimes.formatDecimal(values[i]);
        }
        return s;
    }
}
