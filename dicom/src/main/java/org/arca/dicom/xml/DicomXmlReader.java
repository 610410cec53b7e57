package org.arca.dicom.xml;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.arca.dicom.json.BulkDataResolver;
import org.arca.dicom.json.ElementPath;
import org.arca.dicom.json.TextValues;
import org.arca.dicom.json.ValueFormat;
import org.arca.dicom.json.ValueParse;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a Native DICOM Model document (PS3.19 A.1) into {@link Attributes} (little endian),
 * the inverse of {@link DicomXmlWriter}. Elements are matched by local name, so documents with
 * or without the PS3.19 namespace are read. A private data element ({@code privateCreator}
 * given) is put into the block its creator has in the data set, reserving one if needed.
 * DTDs and external entities are refused.
 */
public final class DicomXmlReader {

    private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final List<String> PN_COMPONENTS =
            List.of("FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix");

    private final InputStream in;
    private BulkDataResolver bulkDataResolver = BulkDataResolver.references();
    private final TextValues text = new TextValues();
    private XMLStreamReader xml;

    public DicomXmlReader(InputStream in) {
        this.in = in;
    }

    public DicomXmlReader setBulkDataResolver(BulkDataResolver resolver) {
        this.bulkDataResolver = resolver;
        return this;
    }

    public Attributes readDataset() throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            xml = factory.createXMLStreamReader(in);
            xml.nextTag();
            if (!xml.getLocalName().equals("NativeDicomModel")) {
                throw new IOException("not a Native DICOM Model document: <" + xml.getLocalName() + ">");
            }
            Attributes a = new Attributes();
            readAttributes(a, null, -1);
            text.apply();
            return a;
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            xml = null;
        }
    }

    /** Reads DicomAttribute children up to the end of the enclosing element. */
    private void readAttributes(Attributes a, ElementPath sequence, int item) throws XMLStreamException, IOException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("DicomAttribute")) {
                readAttribute(a, sequence, item);
            } else {
                skipElement();
            }
        }
    }

    private void readAttribute(Attributes a, ElementPath sequence, int item) throws XMLStreamException, IOException {
        int tag = tag(attribute("tag"));
        String creator = xml.getAttributeValue(null, "privateCreator");
        if (creator != null && (tag & 0x00010000) != 0) {
            tag = a.reservePrivateTag(creator, tag);
        }
        String vrText = xml.getAttributeValue(null, "vr");
        VR vr = vrText != null ? vr(vrText) : defaultVR(tag);
        ElementPath path = sequence == null ? ElementPath.of(tag) : sequence.child(item, tag);
        Sequence seq = vr == VR.SQ ? a.newSequence(tag) : null;
        List<String> values = new ArrayList<>();
        boolean hasValue = false;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "Value" -> {
                    int number = number();
                    set(values, number, xml.getElementText());
                }
                case "PersonName" -> {
                    int number = number();
                    set(values, number, personName());
                }
                case "Item" -> {
                    if (seq == null) {
                        throw error("Item in an attribute of VR " + vr);
                    }
                    readAttributes(seq.addItem(), path, seq.size() - 1);
                }
                case "InlineBinary" -> {
                    byte[] b = base64(xml.getElementText());
                    a.setValue(tag, vr, ValueParse.pixelData(tag, vr, b));
                    hasValue = true;
                }
                case "BulkData" -> {
                    String uri = xml.getAttributeValue(null, "uri");
                    if (uri == null) {
                        uri = "urn:uuid:" + attribute("uuid");
                    }
                    a.setValue(tag, vr, bulkDataResolver.resolve(path, vr, uri));
                    skipElement();
                    hasValue = true;
                }
                default -> skipElement();
            }
        }
        if (!values.isEmpty()) {
            setValues(a, tag, vr, values);
        } else if (!hasValue && seq == null) {
            a.setValue(tag, vr, null);
        }
    }

    private void setValues(Attributes a, int tag, VR vr, List<String> values) throws IOException {
        try {
            if (vr.isText()) {
                text.set(a, tag, vr, values);
            } else if (!ValueFormat.isBulkVR(vr)) {
                a.setValue(tag, vr, ValueParse.binary(vr, values));
            } else {
                throw error(vr + " has InlineBinary or BulkData, not Value");
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error("bad " + vr + " value of " + ValueFormat.tag(tag) + ": " + e.getMessage());
        }
    }

    /** A PersonName element: groups of components joined with '^' and '='. */
    private String personName() throws XMLStreamException {
        String[] groups = new String[3];
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            int g = List.of(PN_GROUPS).indexOf(xml.getLocalName());
            if (g < 0) {
                skipElement();
                continue;
            }
            String[] components = new String[5];
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                int c = PN_COMPONENTS.indexOf(xml.getLocalName());
                if (c < 0) {
                    skipElement();
                } else {
                    components[c] = xml.getElementText();
                }
            }
            groups[g] = ValueFormat.join('^', components);
        }
        return ValueParse.personName(groups[0], groups[1], groups[2]);
    }

    private static void set(List<String> values, int number, String value) {
        while (values.size() < number) {
            values.add(null);
        }
        values.set(number - 1, value.isEmpty() ? null : value);
    }

    private int number() throws IOException {
        try {
            int n = Integer.parseInt(attribute("number"));
            if (n < 1 || n > 1 << 20) {
                throw error("number out of range: " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error("bad number attribute");
        }
    }

    private String attribute(String name) throws IOException {
        String v = xml.getAttributeValue(null, name);
        if (v == null) {
            throw error("<" + xml.getLocalName() + "> without " + name);
        }
        return v;
    }

    private int tag(String hex) throws IOException {
        try {
            return ValueParse.tag(hex);
        } catch (IllegalArgumentException e) {
            throw error("bad tag \"" + hex + "\"");
        }
    }

    private VR vr(String s) throws IOException {
        VR vr = s.length() == 2 ? VR.ofCode((s.charAt(0) << 8) | s.charAt(1)) : null;
        if (vr == null) {
            throw error("unknown VR \"" + s + "\"");
        }
        return vr;
    }

    private static VR defaultVR(int tag) {
        VR vr = ElementDictionary.vrOf(tag);
        return vr == null ? VR.UN : vr;
    }

    private byte[] base64(String s) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw error("bad InlineBinary: " + e.getMessage());
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private IOException error(String message) {
        return new IOException(message + " at line " + xml.getLocation().getLineNumber());
    }
}
