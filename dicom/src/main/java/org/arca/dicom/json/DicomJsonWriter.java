package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes data sets as DICOM JSON (PS3.18 F.2), straight to the output element by element: no
 * tree is built, so a WADO-RS metadata response streams any number of instances with memory
 * bounded by the largest single value (values held as {@link BulkData} are streamed too).
 *
 * <ul>
 * <li>Text values are decoded with the data set's Specific Character Set and written without
 *     padding; an empty value among several is {@code null}; a zero-length element has no Value.
 * <li>IS, DS: a JSON number when the text is a JSON number literal, written as it was (so
 *     "1.50" stays 1.50); otherwise ("+1", ".5", "007") the original text as a JSON string,
 *     which F.2.3 allows. SV, UV: numbers, strings beyond +-2^53. FL, FD: numbers, the
 *     shortest decimal that reads back to the same bits; NaN and infinities as strings.
 * <li>AT: 8 hex digits. PN: objects with Alphabetic, Ideographic, Phonetic.
 * <li>OB, OD, OF, OL, OV, OW, UN and encapsulated pixel data: InlineBinary (little endian;
 *     encapsulated data as its item-encoded Value Field) or BulkDataURI, as the
 *     {@link BulkDataPolicy} says.
 * <li>A sequence read as UN (CP-246) is written as SQ: it is a sequence. Group lengths are left out.
 * </ul>
 */
public final class DicomJsonWriter implements Flushable {

    private final JsonOutput out;
    private BulkDataPolicy bulkDataPolicy = BulkDataPolicy.inline();

    public DicomJsonWriter(Writer out) {
        this.out = new JsonOutput(out);
    }

    /** Writes UTF-8, as RFC 8259 requires. */
    public DicomJsonWriter(OutputStream out) {
        this(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024));
    }

    public DicomJsonWriter setBulkDataPolicy(BulkDataPolicy policy) {
        this.bulkDataPolicy = policy;
        return this;
    }

    /** Starts a JSON array of data sets (a QIDO-RS or WADO-RS metadata response). */
    public void beginArray() throws IOException {
        out.beginArray();
    }

    public void endArray() throws IOException {
        out.endArray();
    }

    /** Writes one data set as a JSON object (inside an array if one was begun). */
    public void write(Attributes dataset) throws IOException {
        writeDataset(dataset, null, -1);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void writeDataset(Attributes a, ElementPath sequence, int item) throws IOException {
        out.beginObject();
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            if ((tag & 0xFFFF) != 0) { // F.2.2: group lengths are not included
                writeElement(a, i, sequence == null ? ElementPath.of(tag) : sequence.child(item, tag));
            }
        }
        out.endObject();
    }

    private void writeElement(Attributes a, int index, ElementPath path) throws IOException {
        VR vr = a.vrAt(index);
        Object value = a.valueAt(index);
        out.name(ValueFormat.tag(path.tag()));
        out.beginObject();
        if (value instanceof Sequence seq) {
            out.name("vr");
            out.string("SQ");
            writeItems(seq, path);
        } else {
            out.name("vr");
            out.string(vr.name());
            String uri = ValueFormat.length(value) == 0 ? null : bulkDataPolicy.uriFor(path, vr, value);
            if (uri != null) {
                out.name("BulkDataURI");
                out.string(uri);
            } else if (ValueFormat.isBulkVR(vr) || value instanceof Fragments) {
                writeInlineBinary(vr, value, a.bigEndian());
            } else {
                writeValues(a, index, vr, value);
            }
        }
        out.endObject();
    }

    private void writeItems(Sequence seq, ElementPath path) throws IOException {
        if (seq.isEmpty()) {
            return;
        }
        out.name("Value");
        out.beginArray();
        for (int i = 0; i < seq.size(); i++) {
            writeDataset(seq.get(i), path, i);
        }
        out.endArray();
    }

    private void writeInlineBinary(VR vr, Object value, boolean bigEndian) throws IOException {
        if (ValueFormat.length(value) == 0 && !(value instanceof Fragments)) {
            return;
        }
        out.name("InlineBinary");
        out.beginRawString();
        try (OutputStream base64 = Base64.getEncoder().wrap(out.rawAscii())) {
            BinaryValues.copy(vr, value, bigEndian, base64);
        }
        out.endRawString();
    }

    private void writeValues(Attributes a, int index, VR vr, Object value) throws IOException {
        boolean bigEndian = a.bigEndian();
        String[] text = null;
        if (value instanceof BulkData bd) { // e.g. a large LUT read by reference: values inline
            value = bd.readBytes();
            bigEndian = bd.bigEndian();
            text = vr.isText() ? ValueFormat.textValues(a, vr, (byte[]) value) : null;
        } else if (vr.isText()) {
            text = a.getStrings(a.tagAt(index));
        }
        byte[] b = (byte[]) value;
        if (b.length == 0) {
            return;
        }
        if (text != null) {
            writeTextValues(vr, text);
            return;
        }
        int n = ValueFormat.count(vr, b.length);
        out.name("Value");
        out.beginArray();
        for (int k = 0; k < n; k++) {
            if (vr == VR.AT) {
                out.string(ValueFormat.attributeTag(b, k, bigEndian));
            } else {
                number(vr, ValueFormat.number(vr, b, k, bigEndian));
            }
        }
        out.endArray();
    }

    private void writeTextValues(VR vr, String[] values) throws IOException {
        if (values.length == 0 || (values.length == 1 && values[0].isEmpty())) {
            return;
        }
        out.name("Value");
        out.beginArray();
        for (String s : values) {
            if (s.isEmpty()) {
                out.nullValue();
            } else if (vr == VR.PN) {
                personName(s);
            } else if (vr == VR.IS || vr == VR.DS) {
                number(vr, s);
            } else {
                out.string(s);
            }
        }
        out.endArray();
    }

    private void number(VR vr, String s) throws IOException {
        if (ValueFormat.isJsonNumber(vr, s)) {
            out.number(s);
        } else {
            out.string(s);
        }
    }

    private void personName(String s) throws IOException {
        String[] groups = ValueFormat.personNameGroups(s);
        out.beginObject();
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        for (int g = 0; g < 3; g++) {
            if (!groups[g].isEmpty()) {
                out.name(names[g]);
                out.string(groups[g]);
            }
        }
        out.endObject();
    }
}
