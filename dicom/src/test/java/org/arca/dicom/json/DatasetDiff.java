package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;

import java.util.Objects;

/** Names the first difference between two data sets, for assertion messages. */
public final class DatasetDiff {

    private DatasetDiff() {
    }

    public static String first(Attributes expected, Attributes actual) {
        return first(expected, actual, "");
    }

    private static String first(Attributes e, Attributes a, String at) {
        int n = Math.max(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            if (i >= e.size() || i >= a.size() || e.tagAt(i) != a.tagAt(i)) {
                return at + "element " + i + ": expected " + (i < e.size() ? tag(e.tagAt(i)) : "none")
                        + ", found " + (i < a.size() ? tag(a.tagAt(i)) : "none");
            }
            String where = at + tag(e.tagAt(i));
            if (e.vrAt(i) != a.vrAt(i)) {
                return where + ": VR " + e.vrAt(i) + " vs " + a.vrAt(i);
            }
            if (e.valueAt(i) instanceof Sequence s && a.valueAt(i) instanceof Sequence t) {
                if (s.size() != t.size()) {
                    return where + ": " + s.size() + " vs " + t.size() + " items";
                }
                for (int k = 0; k < s.size(); k++) {
                    String d = first(s.get(k), t.get(k), where + "/" + k + "/");
                    if (d != null) {
                        return d;
                    }
                }
            } else if (!sameValue(e, a, i)) {
                return where + ": " + describe(e, i) + " vs " + describe(a, i);
            }
        }
        return null;
    }

    private static boolean sameValue(Attributes e, Attributes a, int i) {
        Attributes x = new Attributes(e.bigEndian());
        x.setValue(e.tagAt(i), e.vrAt(i), e.valueAt(i));
        Attributes y = new Attributes(a.bigEndian());
        y.setValue(a.tagAt(i), a.vrAt(i), a.valueAt(i));
        return x.equals(y);
    }

    private static String describe(Attributes d, int i) {
        Object v = d.valueAt(i);
        if (v instanceof byte[] b) {
            return "[" + String.join("\\", d.getStrings(d.tagAt(i))) + "] " + java.util.HexFormat.of()
                    .formatHex(b, 0, Math.min(b.length, 32));
        }
        return Objects.toString(v);
    }

    private static String tag(int t) {
        return ValueFormat.tag(t);
    }
}
