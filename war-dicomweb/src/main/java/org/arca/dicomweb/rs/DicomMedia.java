package org.arca.dicomweb.rs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.json.DicomJsonWriter;
import org.arca.dicom.xml.DicomXmlWriter;
import org.arca.dicomweb.multipart.ContentType;

/**
 * The two representations of DICOM data sets in responses (PS3.18 8.7.3.2): DICOM JSON, the
 * default, and the Native DICOM Model in XML, which is always sent as multipart/related (one
 * data set per part) as PS3.18 requires for XML.
 */
public enum DicomMedia {
    JSON("application/dicom+json"), XML("application/dicom+xml");

    public static final String MULTIPART_XML = "multipart/related; type=\"application/dicom+xml\"";

    private final String type;

    DicomMedia(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** The representation the Accept header asks for, JSON when absent; null when neither is acceptable. */
    public static DicomMedia negotiate(String accept) {
        List<ContentType> entries = ContentType.parseList(accept);
        if (entries.isEmpty()) {
            return JSON;
        }
        for (ContentType ct : entries) {
            String t = ct.mediaType();
            if (t.equals("application/dicom+json") || t.equals("application/json") || t.equals("*/*")
                    || t.equals("application/*")) {
                return JSON;
            }
            if (t.equals("application/dicom+xml") || t.equals("multipart/related")
                    && "application/dicom+xml".equals(ct.parameter("type"))) {
                return XML;
            }
        }
        return null;
    }

    /** One data set as a whole JSON or XML document. */
    public void writeOne(Attributes dataset, OutputStream out, BulkDataPolicy policy) throws IOException {
        if (this == JSON) {
            DicomJsonWriter w = new DicomJsonWriter(out).setBulkDataPolicy(policy);
            w.write(dataset);
            w.flush();
        } else {
            new DicomXmlWriter(out).setBulkDataPolicy(policy).write(dataset);
            out.flush();
        }
    }
}
