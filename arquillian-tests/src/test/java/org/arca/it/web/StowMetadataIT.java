package org.arca.it.web;

import static org.arca.it.web.WebClient.RS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.json.DicomJsonWriter;
import org.arca.dicom.xml.DicomXmlWriter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * STOW-RS of metadata (DICOM JSON, DICOM XML) with bulk data parts named by Content-Location:
 * the instance is stored through the same store, and WADO-RS gives back its attributes and its
 * pixel data byte for byte (uncompressed, and JPEG baseline as an image/jpeg part). A
 * BulkDataURI without its part, and unreadable metadata, fail their instance alone.
 */
@ExtendWith(ArquillianExtension.class)
class StowMetadataIT {
    private static final String BOUNDARY = "arca-meta-boundary-41c";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    /** A sample copy as metadata, every binary value of 1 KB or more by a BulkDataURI, and its bulk parts. */
    private record Split(Samples.Instance instance, Attributes dataset, Map<String, byte[]> bulk) {
    }

    private static Split split(Samples.Instance inst) throws IOException {
        byte[] file = inst.file();
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            in.setBulkDataURI(java.net.URI.create("urn:sample")).setBulkDataThreshold(1024);
            in.readFileMetaInformation();
            ds = in.readDataset();
        }
        return new Split(inst, ds, new LinkedHashMap<>());
    }

    private static BulkDataPolicy policy(Split s) {
        return (path, vr, value) -> {
            byte[] file = s.instance().file();
            String uri = "bulk/" + s.instance().sop() + "/" + path;
            if (value instanceof BulkData b) {
                s.bulk().put(uri, Arrays.copyOfRange(file, (int) b.offset(), (int) (b.offset() + b.length())));
                return uri;
            }
            if (value instanceof Fragments f) { // one frame: its fragments joined, sent as image/jpeg
                ByteArrayOutputStream cs = new ByteArrayOutputStream();
                for (int i = 1; i < f.size(); i++) {
                    Object item = f.get(i);
                    byte[] b = item instanceof byte[] a ? a : Arrays.copyOfRange(file, (int) ((BulkData) item).offset(),
                            (int) (((BulkData) item).offset() + ((BulkData) item).length()));
                    cs.writeBytes(b);
                }
                s.bulk().put(uri, cs.toByteArray());
                return uri;
            }
            return null;
        };
    }

    private static byte[] json(Split... splits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomJsonWriter w = new DicomJsonWriter(out);
        w.beginArray();
        for (Split s : splits) {
            w.setBulkDataPolicy(policy(s));
            w.write(s.dataset());
        }
        w.endArray();
        w.flush();
        return out.toByteArray();
    }

    private static byte[] xml(Split s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomXmlWriter(out).setBulkDataPolicy(policy(s)).write(s.dataset());
        return out.toByteArray();
    }

    /** multipart/related parts: {content type, content location or null, content}. */
    private static byte[] body(List<Object[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: " + p[0] + "\r\n"
                    + (p[1] == null ? "" : "Content-Location: " + p[1] + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes((byte[]) p[2]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static HttpResponse<String> stow(String type, List<Object[]> parts) throws Exception {
        return WebClient.stow(RS + "/studies", body(parts),
                "multipart/related; type=\"" + type + "\"; boundary=" + BOUNDARY);
    }

    private static List<Object[]> bulkParts(Split s, String pixelType) {
        List<Object[]> parts = new java.util.ArrayList<>();
        s.bulk().forEach((uri, bytes) -> parts.add(new Object[] {
            uri.endsWith("7FE00010") ? pixelType : "application/octet-stream", uri, bytes}));
        return parts;
    }

    private static byte[] retrievedPixels(Samples.Instance i) throws Exception {
        String url = RS + "/studies/" + i.study() + "/series/" + i.series() + "/instances/" + i.sop();
        HttpResponse<byte[]> r = WebClient.getBytes(url + "/frames/1", "multipart/related; type=\"application/octet-stream\"");
        assertEquals(200, r.statusCode(), new String(r.body()));
        return MultipartBody.parts(r.body(), r.headers().firstValue("Content-Type").orElseThrow()).get(0);
    }

    private static JsonObject metadata(Samples.Instance i) throws Exception {
        HttpResponse<String> r = WebClient.get(RS + "/studies/" + i.study() + "/series/" + i.series() + "/instances/"
                + i.sop() + "/metadata", "application/dicom+json");
        assertEquals(200, r.statusCode(), r.body());
        return WebClient.array(r).getJsonObject(0);
    }

    @Test
    void jsonAndXmlMetadataWithBulkDataParts() throws Exception {
        String study = Samples.uid();
        Split ct = split(Samples.copy("CT_small.dcm", study));
        Split mr = split(Samples.copy("MR_small.dcm", study));
        List<Object[]> parts = new java.util.ArrayList<>();
        byte[] meta = json(ct, mr);
        parts.addAll(bulkParts(ct, "application/octet-stream")); // bulk data before its metadata is fine
        parts.add(new Object[] {"application/dicom+json", null, meta});
        parts.addAll(bulkParts(mr, "application/octet-stream"));
        HttpResponse<String> r = stow("application/dicom+json", parts);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, WebClient.count((JsonObject) WebClient.json(r.body()), "00081199"));
        for (Split s : List.of(ct, mr)) {
            assertArrayEquals(s.bulk().get("bulk/" + s.instance().sop() + "/7FE00010"), retrievedPixels(s.instance()));
            assertEquals(s.dataset().getString(Tag.SOPClassUID), WebClient.value(metadata(s.instance()), "00080016"));
        }

        Split xml = split(Samples.copy("MR_small.dcm", study));
        parts = new java.util.ArrayList<>();
        parts.add(new Object[] {"application/dicom+xml", null, xml(xml)});
        parts.addAll(bulkParts(xml, "application/octet-stream"));
        r = stow("application/dicom+xml", parts);
        assertEquals(200, r.statusCode(), r.body());
        assertArrayEquals(xml.bulk().get("bulk/" + xml.instance().sop() + "/7FE00010"), retrievedPixels(xml.instance()));
    }

    @Test
    void compressedPixelDataAsAnImagePart() throws Exception {
        Split jpeg = split(Samples.copy("SC_rgb_jpeg_dcmtk.dcm", Samples.uid()));
        List<Object[]> parts = new java.util.ArrayList<>();
        parts.add(new Object[] {"application/dicom+json", null, json(jpeg)});
        parts.addAll(bulkParts(jpeg, "image/jpeg"));
        HttpResponse<String> r = stow("application/dicom+json", parts);
        assertEquals(200, r.statusCode(), r.body());
        byte[] sent = jpeg.bulk().get("bulk/" + jpeg.instance().sop() + "/7FE00010");
        byte[] back = retrievedPixels(jpeg.instance());
        assertArrayEquals(sent, Arrays.copyOf(back, sent.length), "the JPEG codestream as sent (padded to even)");
        HttpResponse<byte[]> dicom = WebClient.getBytes(RS + "/studies/" + jpeg.instance().study(),
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertTrue(dicom.headers().firstValue("Content-Type").isPresent());
        assertTrue(new String(dicom.body(), StandardCharsets.ISO_8859_1).contains("transfer-syntax=1.2.840.10008.1.2.4.50"));
    }

    @Test
    void missingBulkPartAndBadMetadataFailTheirInstanceOnly() throws Exception {
        String study = Samples.uid();
        Split good = split(Samples.copy("CT_small.dcm", study));
        Split orphan = split(Samples.copy("MR_small.dcm", study));
        List<Object[]> parts = new java.util.ArrayList<>();
        parts.add(new Object[] {"application/dicom+json", null, json(good, orphan)});
        parts.addAll(bulkParts(good, "application/octet-stream")); // none of orphan's
        HttpResponse<String> r = stow("application/dicom+json", parts);
        assertEquals(202, r.statusCode(), r.body());
        JsonObject resp = (JsonObject) WebClient.json(r.body());
        assertEquals(1, WebClient.count(resp, "00081199"));
        assertEquals(1, WebClient.count(resp, "00081198"));
        assertTrue(r.headers().firstValue("Warning").orElse("").contains("Content-Location"), r.headers().toString());
        assertEquals(404, WebClient.get(RS + "/studies/" + study + "/series/" + orphan.instance().series()
                + "/instances/" + orphan.instance().sop() + "/metadata", null).statusCode());

        parts = List.<Object[]>of(new Object[] {"application/dicom+json", null, "[{\"00080018\": ".getBytes(StandardCharsets.UTF_8)});
        r = stow("application/dicom+json", parts);
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Warning").orElse("").contains("unreadable"), r.headers().toString());
    }
}
