package org.arca.ejb.index;

import java.net.URI;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;

/**
 * The bulk data elements of an instance header that its stored attributes leave out (values
 * the store's parser kept as {@link BulkData}: binary values of 1 KB and more, at any depth),
 * recorded at store time as text, one line per element: {@code <path> <VR> <length>}, the path
 * as in a WADO-RS bulk data URL ({@code 00431029}, {@code 54000100/0/54001010}). From that
 * record, metadata announces each value by reference without opening the stored object.
 */
public final class BulkDataElements {
    /** Stands for the value in metadata; writers replace it by a bulk data URL. */
    public static final URI PLACEHOLDER = URI.create("urn:arca:bulkdata");
    private static final int FILE_META_GROUP = 0x0002;

    private BulkDataElements() {
    }

    /** The record of {@code header}'s bulk data elements, or null when it has none. */
    public static String of(Attributes header) {
        StringBuilder sb = new StringBuilder();
        collect(header, "", sb);
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void collect(Attributes a, String prefix, StringBuilder sb) {
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            if (prefix.isEmpty() && (tag >>> 16) == FILE_META_GROUP) {
                continue;
            }
            Object value = a.valueAt(i);
            String path = prefix + String.format("%08X", tag);
            if (value instanceof BulkData bd) {
                sb.append(path).append(' ').append(a.vrAt(i).name()).append(' ').append(bd.length()).append('\n');
            } else if (value instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    collect(seq.get(k), path + "/" + k + "/", sb);
                }
            }
        }
    }

    /**
     * Puts a {@link #PLACEHOLDER} reference of the recorded VR and length into {@code attrs} (the
     * instance's stored attributes, whose sequences keep their items) for every recorded element
     * whose place is there; returns {@code attrs}.
     */
    public static Attributes restore(String record, Attributes attrs) {
        if (record == null) {
            return attrs;
        }
        for (String line : record.split("\n")) {
            String[] f = line.split(" ");
            if (f.length != 3) {
                continue;
            }
            try {
                String[] steps = f[0].split("/");
                Attributes a = item(attrs, steps);
                int tag = (int) Long.parseLong(steps[steps.length - 1], 16);
                if (a != null && !a.contains(tag)) {
                    a.setValue(tag, VR.valueOf(f[1]), new BulkData(PLACEHOLDER, 0, Long.parseLong(f[2]), false));
                }
            } catch (IllegalArgumentException e) { // a line this version cannot read: left out
            }
        }
        return attrs;
    }

    /** The data set that holds the last step of a path, or null when a sequence or item is missing. */
    private static Attributes item(Attributes top, String[] steps) {
        Attributes a = top;
        for (int i = 0; i + 1 < steps.length - 1; i += 2) {
            Sequence seq = a.getSequence((int) Long.parseLong(steps[i], 16));
            int item = Integer.parseInt(steps[i + 1]);
            if (seq == null || item >= seq.size()) {
                return null;
            }
            a = seq.get(item);
        }
        return a;
    }
}
