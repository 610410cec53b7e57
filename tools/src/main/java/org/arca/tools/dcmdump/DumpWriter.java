package org.arca.tools.dcmdump;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.dicom.io.ElementLengths;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints a data set in the layout of DCMTK's dcmdump: one line per element with tag, VR,
 * value, and after '#' the value length (or "u/l"), the VM and the keyword; sequences,
 * items, delimitation items and pixel data fragments on lines of their own, the delimiters
 * that are not in the data (defined lengths) marked "for re-encoding" as DCMTK does.
 * So tag, VR and length can be compared line by line with DCMTK's output.
 */
public final class DumpWriter {

    private static final int VALUE_COLUMN = 40;
    private final PrintStream out;
    private final int maxValueChars;

    public DumpWriter(PrintStream out, int maxValueChars) {
        this.out = out;
        this.maxValueChars = maxValueChars;
    }

    /** Prints {@code attrs} as encoded with explicit or implicit VR (which decides item lengths). */
    public void write(Attributes attrs, boolean explicitVR, int level) {
        for (int i = 0; i < attrs.size(); i++) {
            writeElement(attrs, i, explicitVR, level);
        }
    }

    private void writeElement(Attributes attrs, int i, boolean explicitVR, int level) {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        String keyword = keyword(tag);
        if (value instanceof Sequence seq) {
            String kind = seq.undefinedLength() ? "undefined" : "explicit";
            line(level, tag, "SQ", "(Sequence with " + kind + " length #=" + seq.size() + ")",
                    seq.undefinedLength() ? "u/l" : null,
                    ElementLengths.valueLength(seq, vr, explicitVR, false), 1, keyword);
            boolean itemsExplicit = explicitVR && vr != VR.UN; // CP-246: UN sequences are implicit VR
            for (Attributes item : seq) {
                writeItem(item, itemsExplicit, level + 1);
            }
            delimiter(level, 0xFFFEE0DD, seq.undefinedLength()
                    ? "(SequenceDelimitationItem)" : "(SequenceDelimitationItem for re-encod.)",
                    "SequenceDelimitationItem");
        } else if (value instanceof Fragments frags) {
            line(level, tag, vr.name(), "(PixelSequence #=" + frags.size() + ")", "u/l", 0, 1, keyword);
            for (int f = 0; f < frags.size(); f++) {
                Object item = frags.get(f);
                String text = item instanceof byte[] b ? hex(b, VR.OB, false) : "(bulk data " + item + ")";
                line(level + 1, 0xFFFEE000, "pi", text.isEmpty() ? "(no value available)" : text,
                        null, frags.length(f), 1, "Item");
            }
            delimiter(level, 0xFFFEE0DD, "(SequenceDelimitationItem)", "SequenceDelimitationItem");
        } else if (value instanceof BulkData bd) {
            line(level, tag, vr.name(), "(bulk data " + bd + ")", null, bd.length(), 1, keyword);
        } else {
            byte[] b = (byte[]) value;
            String[] values = attrs.getStrings(tag);
            String text = b.length == 0 ? "(no value available)"
                    : vr.isText() ? "[" + String.join("\\", values) + "]"
                    : vr.swapUnit() > 1 || vr == VR.AT ? numbers(vr, values)
                    : hex(b, vr, attrs.bigEndian());
            int vm = b.length == 0 ? 0 : vr.isText() ? values.length
                    : vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL
                    || vr == VR.OV || vr == VR.UN ? 1 : values.length;
            line(level, tag, vr.name(), text, null, b.length, vm, keyword);
        }
    }

    private void writeItem(Attributes item, boolean explicitVR, int level) {
        String kind = item.undefinedItemLength() ? "undefined" : "explicit";
        line(level, 0xFFFEE000, "na", "(Item with " + kind + " length #=" + item.size() + ")",
                item.undefinedItemLength() ? "u/l" : null,
                ElementLengths.datasetLength(item, explicitVR), 1, "Item");
        write(item, explicitVR, level + 1);
        delimiter(level, 0xFFFEE00D, item.undefinedItemLength()
                ? "(ItemDelimitationItem)" : "(ItemDelimitationItem for re-encoding)", "ItemDelimitationItem");
    }

    private void delimiter(int level, int tag, String text, String name) {
        line(level, tag, "na", text, null, 0, 0, name);
    }

    private void line(int level, int tag, String vr, String text, String lengthText, long length,
                      int vm, String keyword) {
        StringBuilder sb = new StringBuilder();
        sb.append("  ".repeat(level));
        sb.append(String.format("(%04x,%04x) %s ", tag >>> 16, tag & 0xFFFF, vr));
        if (text.length() > maxValueChars) {
            text = text.substring(0, maxValueChars - 3) + "...";
        }
        sb.append(text);
        int pad = VALUE_COLUMN + level * 2 + 16 - sb.length();
        sb.append(" ".repeat(Math.max(1, pad)));
        sb.append("# ");
        sb.append(lengthText != null ? lengthText : String.format("%3d", length));
        sb.append(", ").append(vm).append(' ').append(keyword);
        out.println(sb);
    }

    static String keyword(int tag) {
        if ((tag & 0x00010000) != 0) {
            int elem = tag & 0xFFFF;
            if (elem == 0) {
                return "PrivateGroupLength";
            }
            if (elem >= 0x10 && elem <= 0xFF) {
                return "PrivateCreator";
            }
            return "Unknown Tag & Data";
        }
        String k = ElementDictionary.keywordOf(tag);
        return k == null || k.isEmpty() ? "Unknown Tag & Data" : k;
    }

    private static String numbers(VR vr, String[] values) {
        if (vr == VR.AT) {
            StringBuilder sb = new StringBuilder();
            for (String v : values) {
                if (sb.length() > 0) {
                    sb.append('\\');
                }
                sb.append('(').append(v, 0, 4).append(',').append(v, 4, 8).append(')');
            }
            return sb.toString().toLowerCase();
        }
        return String.join("\\", values);
    }

    private String hex(byte[] b, VR vr, boolean bigEndian) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(b.length, maxValueChars / 3 + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('\\');
            }
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
