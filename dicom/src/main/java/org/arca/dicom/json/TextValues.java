package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets text values read from JSON or XML. Values of the VRs that Specific Character Set
 * applies to are encoded only at {@link #apply()}, once the whole data set is read: (0008,0005)
 * may come after them, or in an enclosing data set whose reading is not finished yet. Private
 * creators are the exception: they are set at once (with the character set known by then).
 */
public final class TextValues {

    private record Pending(Attributes target, int tag, VR vr, String[] values) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /** Sets {@code values} (null entries are empty values) as the value of {@code tag}. */
    public void set(Attributes target, int tag, VR vr, List<String> values) {
        String[] v = new String[values.size()];
        for (int i = 0; i < v.length; i++) {
            String s = values.get(i);
            v[i] = s == null ? "" : s;
        }
        // a private creator is needed at once, to place the private elements that follow it
        if (vr.usesCharacterSet() && !ElementDictionary.isPrivateCreator(tag)) {
            target.setValue(tag, vr, null); // keeps the element's place until it is encoded
            pending.add(new Pending(target, tag, vr, v));
        } else {
            target.setString(tag, vr, v);
        }
    }

    /** Encodes the deferred values, each with the character set its data set has now. */
    public void apply() {
        for (Pending p : pending) {
            p.target.setString(p.tag, p.vr, p.values);
        }
        pending.clear();
    }
}
