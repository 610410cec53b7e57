package org.arca.ejb.web;

import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.data.VR;
import org.arca.ejb.index.StoredAttributes;

/**
 * Merges the attributes kept per level (patient, study, series, instance) into one data set.
 * Values are copied as stored when every level has the same Specific Character Set; when they
 * differ, text is decoded per level and the result is in UTF-8 (ISO_IR 192).
 */
final class LevelMerge {
    private LevelMerge() {
    }

    static Attributes merge(List<Attributes> levels) {
        String common = null;
        boolean same = true;
        for (Attributes a : levels) {
            String cs = String.join("\\", a.getStrings(Tag.SpecificCharacterSet));
            same &= common == null || common.equals(cs);
            common = cs;
        }
        Attributes out = new Attributes(false, 128);
        if (!same) {
            out.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        for (Attributes a : levels) {
            for (int i = 0; i < a.size(); i++) {
                int tag = a.tagAt(i);
                VR vr = a.vrAt(i);
                if (tag == Tag.SpecificCharacterSet && !same) {
                    continue;
                }
                if (!same && vr.isText() && vr.usesCharacterSet()) {
                    out.setString(tag, vr, a.getStrings(tag));
                } else {
                    StoredAttributes.copyValue(a.valueAt(i), vr, tag, out);
                }
            }
        }
        return out;
    }
}
