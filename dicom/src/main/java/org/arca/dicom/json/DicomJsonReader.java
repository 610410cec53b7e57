package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.dicom.json.JsonParser.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads DICOM JSON (PS3.18 F.2) into {@link Attributes} (little endian): one data set, or an
 * array of them handed over one at a time, so a STOW-RS metadata part or a QIDO-RS response
 * is never held whole. The inverse of {@link DicomJsonWriter}: IS and DS keep the literal text
 * of JSON numbers; Pixel Data whose InlineBinary is an encapsulated Value Field becomes
 * Fragments; BulkDataURIs are resolved by the {@link BulkDataResolver}.
 * "vr" must come before "Value" in each attribute object (as in every example of PS3.18);
 * where "vr" is missing the dictionary's VR is used.
 */
public final class DicomJsonReader {

    /** Receives each data set of an array. */
    @FunctionalInterface
    public interface DatasetHandler {
        void accept(Attributes dataset) throws IOException;
    }

    private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    private final JsonParser json;
    private BulkDataResolver bulkDataResolver = BulkDataResolver.references();
    private final TextValues text = new TextValues();

    public DicomJsonReader(Reader in) {
        this.json = new JsonParser(in);
    }

    /** Reads UTF-8 (RFC 8259). */
    public DicomJsonReader(InputStream in) {
        this(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 16 * 1024));
    }

    public DicomJsonReader setBulkDataResolver(BulkDataResolver resolver) {
        this.bulkDataResolver = resolver;
        return this;
    }

    /** Reads a document holding one data set (a JSON object). */
    public Attributes readDataset() throws IOException {
        expect(Token.BEGIN_OBJECT);
        Attributes a = readObject(new Attributes(), null, -1);
        expect(Token.EOF);
        return a;
    }

    /** Reads a document holding an array of data sets, handing over each as soon as it is read. */
    public void readDatasets(DatasetHandler handler) throws IOException {
        expect(Token.BEGIN_ARRAY);
        for (Token t = json.next(); t != Token.END_ARRAY; t = json.next()) {
            if (t != Token.BEGIN_OBJECT) {
                throw new JsonParseException("expected a data set (object), found " + t, json.offset());
            }
            handler.accept(readObject(new Attributes(), null, -1));
        }
        expect(Token.EOF);
    }

    /** Reads an array of data sets into a list. */
    public List<Attributes> readAll() throws IOException {
        List<Attributes> list = new ArrayList<>();
        readDatasets(list::add);
        return list;
    }

    /** Reads the members of an object whose '{' was consumed into {@code a}. */
    private Attributes readObject(Attributes a, ElementPath sequence, int item) throws IOException {
        for (Token t = json.next(); t != Token.END_OBJECT; t = json.next()) {
            int tag;
            try {
                tag = ValueParse.tag(json.text());
            } catch (IllegalArgumentException e) {
                throw new JsonParseException("attribute name is not a tag: \"" + json.text() + "\"", json.offset());
            }
            expect(Token.BEGIN_OBJECT);
            readElement(a, sequence == null ? ElementPath.of(tag) : sequence.child(item, tag));
        }
        if (sequence == null) {
            text.apply();
        }
        return a;
    }

    private void readElement(Attributes a, ElementPath path) throws IOException {
        int tag = path.tag();
        VR vr = null;
        boolean hasValue = false;
        for (Token t = json.next(); t != Token.END_OBJECT; t = json.next()) {
            String name = json.text();
            if (name.equals("vr")) {
                expect(Token.STRING);
                vr = vr(json.text());
                continue;
            }
            if (vr == null) {
                vr = defaultVR(tag);
            }
            switch (name) {
                case "Value" -> readValue(a, path, vr);
                case "InlineBinary" -> {
                    expect(Token.STRING);
                    byte[] b = decodeBase64(json.text());
                    a.setValue(tag, vr, ValueParse.pixelData(tag, vr, b));
                }
                case "BulkDataURI" -> {
                    expect(Token.STRING);
                    a.setValue(tag, vr, bulkDataResolver.resolve(path, vr, json.text()));
                }
                default -> {
                    json.skipValue(); // not part of the model: ignored
                    continue;
                }
            }
            hasValue = true;
        }
        if (!hasValue) {
            if (vr == null) {
                vr = defaultVR(tag);
            }
            if (vr == VR.SQ) {
                a.newSequence(tag);
            } else {
                a.setValue(tag, vr, null);
            }
        }
    }

    private void readValue(Attributes a, ElementPath path, VR vr) throws IOException {
        expect(Token.BEGIN_ARRAY);
        int tag = path.tag();
        if (vr == VR.SQ) {
            Sequence seq = a.newSequence(tag);
            for (Token t = json.next(); t != Token.END_ARRAY; t = json.next()) {
                Attributes item = seq.addItem();
                if (t == Token.BEGIN_OBJECT) {
                    readObject(item, path, seq.size() - 1);
                } else if (t != Token.NULL) {
                    throw new JsonParseException("a sequence item must be an object", json.offset());
                }
            }
            return;
        }
        if (ValueFormat.isBulkVR(vr)) {
            throw new JsonParseException(vr + " has InlineBinary or BulkDataURI, not Value", json.offset());
        }
        List<String> values = new ArrayList<>();
        for (Token t = json.next(); t != Token.END_ARRAY; t = json.next()) {
            switch (t) {
                case NULL -> values.add(null);
                case STRING, NUMBER -> values.add(json.text());
                case BEGIN_OBJECT -> values.add(personName());
                default -> throw new JsonParseException("unexpected " + t + " in Value", json.offset());
            }
        }
        try {
            if (vr.isText()) {
                text.set(a, tag, vr, values);
            } else {
                a.setValue(tag, vr, ValueParse.binary(vr, values));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new JsonParseException("bad " + vr + " value in " + path + ": " + e.getMessage(), json.offset());
        }
    }

    /** A PN value object, whose '{' was consumed. */
    private String personName() throws IOException {
        String[] groups = new String[3];
        for (Token t = json.next(); t != Token.END_OBJECT; t = json.next()) {
            int g = List.of(PN_GROUPS).indexOf(json.text());
            if (g < 0) {
                json.skipValue();
                continue;
            }
            expect(Token.STRING);
            groups[g] = json.text();
        }
        return ValueParse.personName(groups[0], groups[1], groups[2]);
    }

    private VR vr(String s) throws JsonParseException {
        VR vr = s.length() == 2 ? VR.ofCode((s.charAt(0) << 8) | s.charAt(1)) : null;
        if (vr == null) {
            throw new JsonParseException("unknown VR \"" + s + "\"", json.offset());
        }
        return vr;
    }

    private static VR defaultVR(int tag) {
        VR vr = ElementDictionary.vrOf(tag);
        return vr == null ? VR.UN : vr;
    }

    private byte[] decodeBase64(String s) throws JsonParseException {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException("bad InlineBinary: " + e.getMessage(), json.offset());
        }
    }

    private void expect(Token expected) throws IOException {
        Token t = json.next();
        if (t != expected) {
            throw new JsonParseException("expected " + expected + ", found " + t, json.offset());
        }
    }
}
