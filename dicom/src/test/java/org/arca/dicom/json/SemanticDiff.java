package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Compares two data sets by meaning, for data sets that went through another implementation:
 * same tags (group lengths aside), same VRs, text equal as decoded strings (so a different
 * Specific Character Set does not matter), IS/DS equal as numbers, FL/FD equal as numbers,
 * other binary values equal as bytes (in little-endian order).
 */
public final class SemanticDiff {

    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;

    private SemanticDiff() {
    }

    /** The first difference, or null. (0008,0005) is compared only for presence. */
    public static String first(Attributes expected, Attributes actual) {
        return first(expected, actual, "");
    }

    private static String first(Attributes e, Attributes a, String at) {
        int[] et = tags(e);
        int[] ak = tags(a);
        if (!Arrays.equals(et, ak)) {
            return at + "tags differ: " + hex(et) + " vs " + hex(ak);
        }
        for (int tag : et) {
            String where = at + ValueFormat.tag(tag);
            Object x = e.getValue(tag);
            Object y = a.getValue(tag);
            if (x instanceof Sequence s && y instanceof Sequence t) {
                if (s.size() != t.size()) {
                    return where + ": " + s.size() + " vs " + t.size() + " items";
                }
                for (int k = 0; k < s.size(); k++) {
                    String d = first(s.get(k), t.get(k), where + "/" + k + "/");
                    if (d != null) {
                        return d;
                    }
                }
                continue;
            }
            VR vr = e.vrOf(tag);
            if (vr != a.vrOf(tag)) {
                return where + ": VR " + vr + " vs " + a.vrOf(tag);
            }
            if (tag != SPECIFIC_CHARACTER_SET && !sameValue(vr, e, a, tag)) {
                return where + ": [" + String.join("\\", e.getStrings(tag)) + "] vs ["
                        + String.join("\\", a.getStrings(tag)) + "]";
            }
        }
        return null;
    }

    private static boolean sameValue(VR vr, Attributes e, Attributes a, int tag) {
        Object x = e.getValue(tag);
        Object y = a.getValue(tag);
        if (!(x instanceof byte[] p) || !(y instanceof byte[] q)) {
            return x.equals(y);
        }
        if (vr == VR.IS || vr == VR.DS || vr == VR.FL || vr == VR.FD) {
            String[] s = e.getStrings(tag);
            String[] t = a.getStrings(tag);
            if (s.length != t.length) {
                return false;
            }
            for (int i = 0; i < s.length; i++) {
                if (!(s[i].isEmpty() ? t[i].isEmpty() : !t[i].isEmpty()
                        && new BigDecimal(s[i].trim()).compareTo(new BigDecimal(t[i].trim())) == 0)) {
                    return false;
                }
            }
            return true;
        }
        if (vr.isText()) {
            return Arrays.equals(e.getStrings(tag), a.getStrings(tag));
        }
        return Arrays.equals(ValueFormat.littleEndian(vr, p, e.bigEndian()), ValueFormat.littleEndian(vr, q, a.bigEndian()));
    }

    private static int[] tags(Attributes d) {
        return java.util.stream.IntStream.range(0, d.size()).map(d::tagAt)
                .filter(t -> (t & 0xFFFF) != 0).toArray();
    }

    private static String hex(int[] tags) {
        StringBuilder sb = new StringBuilder();
        for (int t : tags) {
            sb.append(ValueFormat.tag(t)).append(' ');
        }
        return sb.toString();
    }
}
