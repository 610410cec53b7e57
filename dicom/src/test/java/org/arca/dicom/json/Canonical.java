package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;

/**
 * What a data set looks like after a trip through JSON or XML, by the rules of PS3.18 F.2 and
 * PS3.19 A.1 rather than by our writer's code: values are kept, their encoding is not. So:
 * padding is gone (text re-encoded from its values, PS3.19 A.1.1 "adjust the padding"), group
 * lengths are left out (F.2.2), binary values are little endian, a sequence read as UN
 * (CP-246) is a sequence, trailing empty Person Name groups are dropped (PS3.5 6.2 lets them
 * be omitted, and the JSON object has no place for them), and a numeric value whose length is
 * not a multiple of its size loses the odd bytes (they are no value).
 */
public final class Canonical {

    private Canonical() {
    }

    /** After DICOM JSON, which keeps each Person Name group as a string. */
    public static Attributes of(Attributes src) {
        Attributes dst = new Attributes();
        copy(src, dst, false);
        return dst;
    }

    /**
     * After the Native DICOM Model, which splits Person Name groups into components: trailing
     * empty components are dropped as well ("^^^^" is an empty name, PS3.5 6.2).
     */
    public static Attributes ofXml(Attributes src) {
        Attributes dst = new Attributes();
        copy(src, dst, true);
        return dst;
    }

    /**
     * PS3.19 names a private element by (privateCreator, element), so when two blocks of a
     * group have the same creator (anonymizers write "Anon" into all of them) the XML cannot say
     * which block an element came from, and a reader puts it into the first. The same holds
     * for the data set expected back: elements of a later block move to the first one.
     */
    static int xmlPrivateTag(Attributes src, int tag) {
        String creator = src.privateCreatorOf(tag);
        if (creator == null) {
            return tag;
        }
        int first = src.privateTag(creator, tag);
        return first == -1 ? tag : first;
    }

    private static void copy(Attributes src, Attributes dst, boolean components) {
        for (int i = 0; i < src.size(); i++) {
            int srcTag = src.tagAt(i);
            int tag = components ? xmlPrivateTag(src, srcTag) : srcTag;
            VR vr = src.vrAt(i);
            Object v = src.valueAt(i);
            if ((tag & 0xFFFF) == 0) {
                continue;
            }
            if (v instanceof Sequence seq) {
                Sequence copy = dst.newSequence(tag);
                for (Attributes item : seq) {
                    copy(item, copy.addItem(), components);
                }
            } else if (!(v instanceof byte[] b)) {
                dst.setValue(tag, vr, v);
            } else if (vr.isText()) {
                String[] s = src.getStrings(srcTag);
                if (vr == VR.PN) {
                    for (int k = 0; k < s.length; k++) {
                        String[] groups = ValueFormat.personNameGroups(s[k]);
                        for (int g = 0; components && g < 3; g++) {
                            groups[g] = ValueFormat.join('^', ValueFormat.personNameComponents(groups[g]));
                        }
                        s[k] = ValueFormat.join('=', groups);
                    }
                }
                dst.setString(tag, vr, s.length == 1 && s[0].isEmpty() ? new String[0] : s);
            } else {
                byte[] le = ValueFormat.littleEndian(vr, b, src.bigEndian());
                if (!ValueFormat.isBulkVR(vr)) {
                    int unit = vr == VR.AT ? 4 : vr.swapUnit();
                    le = java.util.Arrays.copyOf(le, b.length - b.length % unit);
                }
                dst.setValue(tag, vr, le);
            }
        }
    }
}
