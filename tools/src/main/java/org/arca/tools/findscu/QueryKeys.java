package org.arca.tools.findscu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.tools.common.UsageException;

/** Builds the C-FIND identifier from "-k key[=value]" words, keys by keyword or gggg,eeee. */
final class QueryKeys {
    private QueryKeys() {
    }

    static Attributes parse(List<String> keys) throws UsageException {
        Attributes ds = new Attributes();
        for (String k : keys) {
            int eq = k.indexOf('=');
            String name = (eq < 0 ? k : k.substring(0, eq)).trim();
            String value = eq < 0 ? "" : k.substring(eq + 1);
            int tag = tagOf(name);
            VR vr = ElementDictionary.vrOf(tag);
            if (value.isEmpty()) {
                ds.setValue(tag, vr, new byte[0]);
            } else if (vr.isText()) {
                ds.setString(tag, vr, value.split("\\\\"));
            } else if (vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL) {
                String[] parts = value.split("\\\\");
                int[] ints = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    ints[i] = Integer.parseInt(parts[i].trim());
                }
                ds.setInt(tag, vr, ints);
            } else {
                throw new UsageException("cannot give a value to " + name + " (VR " + vr + ")");
            }
        }
        return ds;
    }

    static int tagOf(String name) throws UsageException {
        String hex = name.replace("(", "").replace(")", "");
        if (hex.matches("[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}")) {
            return (int) Long.parseLong(hex.replace(",", ""), 16);
        }
        int tag = ElementDictionary.tagOf(name);
        if (tag == -1) {
            throw new UsageException("unknown key: " + name);
        }
        return tag;
    }

    static byte[] encode(Attributes ds, String tsuid) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataset(ds, TransferSyntax.of(tsuid));
        }
        return bytes.toByteArray();
    }
}
