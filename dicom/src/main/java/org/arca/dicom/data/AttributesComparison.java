package org.arca.dicom.data;

import java.util.Arrays;

/** Equality and the debugging text of {@link Attributes}. */
final class AttributesComparison {
    private AttributesComparison() {
    }

    /**
     * Same tags, VRs and values. Binary values compare by number when the byte orders
     * differ, so a data set equals itself converted from Big to Little Endian.
     */
    static boolean equal(Attributes a, Attributes b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.tagAt(i) != b.tagAt(i) || a.vrAt(i) != b.vrAt(i)
                    || !valueEquals(a.vrAt(i), a.valueAt(i), a.bigEndian(), b.valueAt(i), b.bigEndian())) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueEquals(VR vr, Object x, boolean xBigEndian, Object y, boolean yBigEndian) {
        if (x instanceof byte[] p && y instanceof byte[] q) {
            if (xBigEndian == yBigEndian || vr.swapUnit() == 1) {
                return Arrays.equals(p, q);
            }
            byte[] swapped = q.clone();
            Values.swap(swapped, 0, swapped.length, vr.swapUnit());
            return Arrays.equals(p, swapped);
        }
        return x.equals(y);
    }

    static int hashCode(Attributes a) {
        int h = a.size();
        for (int i = 0; i < a.size(); i++) {
            h = 31 * h + a.tagAt(i);
        }
        return h;
    }

    /** One line per element: tag, VR and the values (nested data sets by their own text). */
    static String toString(Attributes a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            sb.append(String.format("(%04X,%04X) %s ", tag >>> 16, tag & 0xFFFF, a.vrAt(i)));
            sb.append(a.valueAt(i) instanceof byte[] ? String.join("\\", a.getStrings(tag)) : a.valueAt(i));
            sb.append('\n');
        }
        return sb.toString();
    }
}
