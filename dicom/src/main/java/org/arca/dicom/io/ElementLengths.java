package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;

/**
 * Encoded sizes of elements, items and data sets, needed to write defined lengths of
 * sequences and items and the group length of the meta information. Byte order does not
 * change a size; explicit vs implicit VR does (header sizes), and the items of a sequence
 * kept as UN with undefined length are always Implicit VR (PS3.5 6.2.2 note).
 */
public final class ElementLengths {

    static final long UNDEFINED = 0xFFFFFFFFL;

    private ElementLengths() {
    }

    static long explicitElementLength(Attributes a, int index) {
        return elementLength(a, index, true);
    }

    public static long elementLength(Attributes a, int index, boolean explicitVR) {
        VR vr = a.vrAt(index);
        long header = !explicitVR ? 8 : vr.longHeader() ? 12 : 8;
        return header + valueLength(a.valueAt(index), vr, explicitVR, true);
    }

    /**
     * Length of a value including delimitation items; with {@code withDelimiters} false the
     * length field value of a defined-length sequence (without its own delimiter).
     */
    public static long valueLength(Object value, VR vr, boolean explicitVR, boolean withDelimiters) {
        if (value instanceof byte[] b) {
            return b.length;
        }
        if (value instanceof BulkData bd) {
            return bd.length();
        }
        if (value instanceof Fragments f) {
            long len = 8; // sequence delimitation item
            for (int i = 0; i < f.size(); i++) {
                len += 8 + f.length(i);
            }
            return len;
        }
        Sequence seq = (Sequence) value;
        boolean itemsExplicit = explicitVR && vr != VR.UN;
        long len = seq.undefinedLength() && withDelimiters ? 8 : 0;
        for (Attributes item : seq) {
            len += 8 + datasetLength(item, itemsExplicit) + (item.undefinedItemLength() ? 8 : 0);
        }
        return len;
    }

    public static long datasetLength(Attributes a, boolean explicitVR) {
        long len = 0;
        for (int i = 0; i < a.size(); i++) {
            len += elementLength(a, i, explicitVR);
        }
        return len;
    }
}
