package org.arca.ejb.store;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;

/**
 * Reads text elements that arrived as UN (Explicit VR data sets written by a system that did
 * not know the tag, e.g. UIDs in pydicom's rtdose_rle.dcm) with their dictionary VR, as
 * PS3.5 6.2.2 allows, so the index sees the Study, Series and SOP Instance UIDs and the names.
 * Only the parsed header changes: the stored object keeps its bytes.
 */
final class UnknownVRs {
    private UnknownVRs() {
    }

    static void resolve(Attributes header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.vrAt(i) != VR.UN || !(header.valueAt(i) instanceof byte[] value)) {
                continue;
            }
            int tag = header.tagAt(i);
            VR vr = ElementDictionary.vrOf(tag);
            if (isText(vr)) {
                header.setValue(tag, vr, value);
            }
        }
    }

    /** Text VRs: their bytes read the same in either byte order. */
    private static boolean isText(VR vr) {
        return switch (vr) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }
}
