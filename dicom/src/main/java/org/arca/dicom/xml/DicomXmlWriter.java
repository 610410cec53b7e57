package org.arca.dicom.xml;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.dicom.json.BinaryValues;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.json.ElementPath;
import org.arca.dicom.json.ValueFormat;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

/**
 * Writes a data set as a Native DICOM Model document (PS3.19 A.1), element by element through
 * StAX, without building a tree. Values are written as the JSON writer writes them (see
 * {@link org.arca.dicom.json.DicomJsonWriter}; IS and DS as their text, FL/FD NaN as "NaN").
 * Private data elements carry their creator and, as A.1.5 requires, the tag without the
 * block number ({@code gggg00ee}); their creator elements are written as they are.
 * Characters that XML 1.0 cannot hold (C0 controls other than TAB, LF, CR) are written as
 * U+FFFD: there is no escape for them, and a document must stay well-formed. CR is written as
 * {@code &#13;} so that it survives line-end normalisation.
 */
public final class DicomXmlWriter {

    static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] PN_COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final OutputStream out;
    private BulkDataPolicy bulkDataPolicy = BulkDataPolicy.inline();
    private XMLStreamWriter xml;

    /** Writes UTF-8. */
    public DicomXmlWriter(OutputStream out) {
        this.out = out;
    }

    public DicomXmlWriter setBulkDataPolicy(BulkDataPolicy policy) {
        this.bulkDataPolicy = policy;
        return this;
    }

    /** Writes one document: {@code <NativeDicomModel>} with the data set. Flushes, does not close. */
    public void write(Attributes dataset) throws IOException {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("NativeDicomModel");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xml:space", "preserve");
            writeDataset(dataset, null, -1);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            xml = null;
        }
        out.flush();
    }

    private void writeDataset(Attributes a, ElementPath sequence, int item) throws XMLStreamException, IOException {
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            if ((tag & 0xFFFF) != 0) { // A.1: no group lengths
                writeElement(a, i, sequence == null ? ElementPath.of(tag) : sequence.child(item, tag));
            }
        }
    }

    private void writeElement(Attributes a, int index, ElementPath path) throws XMLStreamException, IOException {
        int tag = path.tag();
        VR vr = a.vrAt(index);
        Object value = a.valueAt(index);
        String creator = a.privateCreatorOf(tag);
        xml.writeStartElement("DicomAttribute");
        xml.writeAttribute("tag", ValueFormat.tag(creator != null ? tag & 0xFFFF00FF : tag));
        xml.writeAttribute("vr", value instanceof Sequence ? "SQ" : vr.name());
        String keyword = (tag & 0x00010000) == 0 ? ElementDictionary.keywordOf(tag) : "";
        if (!keyword.isEmpty()) {
            xml.writeAttribute("keyword", keyword);
        }
        if (creator != null) {
            xml.writeAttribute("privateCreator", legal(creator));
        }
        if (value instanceof Sequence seq) {
            for (int k = 0; k < seq.size(); k++) {
                xml.writeStartElement("Item");
                xml.writeAttribute("number", Integer.toString(k + 1));
                writeDataset(seq.get(k), path, k);
                xml.writeEndElement();
            }
        } else if (ValueFormat.length(value) > 0) {
            String uri = bulkDataPolicy.uriFor(path, vr, value);
            if (uri != null) {
                xml.writeEmptyElement("BulkData");
                xml.writeAttribute("uri", uri);
            } else if (ValueFormat.isBulkVR(vr) || value instanceof Fragments) {
                writeInlineBinary(vr, value, a.bigEndian());
            } else {
                writeValues(a, index, vr, value);
            }
        }
        xml.writeEndElement();
    }

    private void writeInlineBinary(VR vr, Object value, boolean bigEndian) throws XMLStreamException, IOException {
        xml.writeStartElement("InlineBinary");
        try (OutputStream base64 = Base64.getEncoder().wrap(new CharactersStream(xml))) {
            BinaryValues.copy(vr, value, bigEndian, base64);
        }
        xml.writeEndElement();
    }

    private void writeValues(Attributes a, int index, VR vr, Object value) throws XMLStreamException, IOException {
        boolean bigEndian = a.bigEndian();
        byte[] b;
        if (value instanceof BulkData bd) {
            b = bd.readBytes();
            bigEndian = bd.bigEndian();
        } else {
            b = (byte[]) value;
        }
        if (vr.isText()) {
            String[] values = value instanceof BulkData ? ValueFormat.textValues(a, vr, b) : a.getStrings(a.tagAt(index));
            if (vr == VR.PN) {
                for (int k = 0; k < values.length; k++) {
                    values[k] = withoutEmptyComponents(values[k]);
                }
            }
            if (values.length == 1 && values[0].isEmpty()) {
                return;
            }
            for (int k = 0; k < values.length; k++) {
                if (vr == VR.PN) {
                    personName(k + 1, values[k]);
                } else {
                    value(k + 1, values[k]);
                }
            }
            return;
        }
        for (int k = 0, n = ValueFormat.count(vr, b.length); k < n; k++) {
            value(k + 1, vr == VR.AT ? ValueFormat.attributeTag(b, k, bigEndian) : ValueFormat.number(vr, b, k, bigEndian));
        }
    }

    private void value(int number, String s) throws XMLStreamException {
        if (s.isEmpty()) {
            xml.writeEmptyElement("Value");
            xml.writeAttribute("number", Integer.toString(number));
            return;
        }
        xml.writeStartElement("Value");
        xml.writeAttribute("number", Integer.toString(number));
        characters(s);
        xml.writeEndElement();
    }

    /**
     * Character data with CR written as a reference: a parser turns a literal CR (and CR LF)
     * into LF (XML 1.0 2.11), so LT/ST/UT text would not read back the same otherwise.
     */
    private void characters(String s) throws XMLStreamException {
        s = legal(s);
        int from = 0;
        for (int cr = s.indexOf('\r'); cr >= 0; cr = s.indexOf('\r', from)) {
            xml.writeCharacters(s.substring(from, cr));
            xml.writeEntityRef("#13");
            from = cr + 1;
        }
        xml.writeCharacters(s.substring(from));
    }

    private void personName(int number, String s) throws XMLStreamException {
        xml.writeStartElement("PersonName");
        xml.writeAttribute("number", Integer.toString(number));
        String[] groups = ValueFormat.personNameGroups(s);
        for (int g = 0; g < 3; g++) {
            if (groups[g].isEmpty()) {
                continue;
            }
            String[] components = ValueFormat.personNameComponents(groups[g]);
            xml.writeStartElement(PN_GROUPS[g]);
            for (int c = 0; c < 5; c++) {
                if (!components[c].isEmpty()) {
                    xml.writeStartElement(PN_COMPONENTS[c]);
                    characters(components[c]);
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** A PN value without trailing empty components and groups, e.g. "" for "^^^^". */
    private static String withoutEmptyComponents(String s) {
        String[] groups = ValueFormat.personNameGroups(s);
        for (int g = 0; g < 3; g++) {
            groups[g] = ValueFormat.join('^', ValueFormat.personNameComponents(groups[g]));
        }
        return ValueFormat.join('=', groups);
    }

    /** {@code s} with the characters XML 1.0 cannot hold replaced by U+FFFD. */
    static String legal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                StringBuilder sb = new StringBuilder(s);
                for (int k = i; k < sb.length(); k++) {
                    char d = sb.charAt(k);
                    if (d < 0x20 && d != '\t' && d != '\n' && d != '\r' || d == 0xFFFE || d == 0xFFFF) {
                        sb.setCharAt(k, '\uFFFD');
                    }
                }
                return sb.toString();
            }
        }
        return s;
    }

    /** ASCII bytes of a base64 encoder, passed on as XML character data in chunks. */
    private static final class CharactersStream extends OutputStream {
        private final XMLStreamWriter xml;
        private final char[] buf = new char[4096];
        private int len;

        CharactersStream(XMLStreamWriter xml) {
            this.xml = xml;
        }

        @Override
        public void write(int b) throws IOException {
            if (len == buf.length) {
                flush();
            }
            buf[len++] = (char) (b & 0x7F);
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
            for (int i = off; i < off + n; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                xml.writeCharacters(buf, 0, len);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            len = 0;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
