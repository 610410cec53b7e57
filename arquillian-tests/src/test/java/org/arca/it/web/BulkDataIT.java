package org.arca.it.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulk data other than pixel data through STOW-RS, metadata and the bulk data URLs: pydicom's
 * ECG (two WaveformData values of 240000 and 28800 bytes inside the items of WaveformSequence)
 * and CT (a private OB of 2068 bytes, GE's (0043,1029)). Metadata in JSON and XML must carry a
 * BulkDataURI for every such value, and each URL must give the bytes of the value in the file
 * that was sent, whole and by byte range. Once on the file system (AE DCM4CHEE) and once on S3
 * (S3Proxy on loopback); the study retrieved with WADO-RS comes back byte-identical from both,
 * from the file system with a Content-Length (files sent whole by sendfile), from S3 chunked.
 */
@ExtendWith(ArquillianExtension.class)
class BulkDataIT {
    private static final String S3_AE = "BULKS3";
    private static final String S3_STORAGE = "bulk-s3";
    private static final String BUCKET = "bulk-bucket";
    private static final String OCTETS = "application/octet-stream";
    private static S3Ae s3;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    @BeforeAll
    static void s3Storage() throws Exception {
        s3 = S3Ae.add(S3_STORAGE, S3_AE, BUCKET);
    }

    @AfterAll
    static void removeS3Storage() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @ParameterizedTest(name = "AE {0}")
    @ValueSource(strings = {"DCM4CHEE", S3_AE})
    void metadataAnnouncesEveryBulkValueAndItsUrlGivesTheBytesSent(String aet) throws Exception {
        String rs = WebClient.BASE + "/aets/" + aet + "/rs";
        String study = Samples.uid();
        List<Samples.Instance> sent = List.of(Samples.copy("waveform_ecg.dcm", study), Samples.copy("CT_small.dcm", study));
        HttpResponse<String> stored = WebClient.stow(rs + "/studies", WebClient.multipart("application/dicom",
                sent.get(0).file(), sent.get(1).file()));
        assertEquals(200, stored.statusCode(), stored.body());
        if (aet.equals(S3_AE)) {
            try (Stream<Path> objects = Files.walk(s3.bucketDir())) {
                assertEquals(2, objects.filter(Files::isRegularFile).count(), "objects in the S3 bucket");
            }
        }
        Map<String, byte[]> ecg = bulkValues(sent.get(0).file());
        Map<String, byte[]> ct = bulkValues(sent.get(1).file());
        assertEquals(List.of("54000100/0/54001010", "54000100/1/54001010"), List.copyOf(ecg.keySet()));
        assertEquals(240000, ecg.get("54000100/0/54001010").length);
        assertEquals(List.of("00431029"), List.copyOf(ct.keySet()));

        for (int k = 0; k < sent.size(); k++) {
            Samples.Instance inst = sent.get(k);
            Map<String, byte[]> values = k == 0 ? ecg : ct;
            String url = rs + "/studies/" + study + "/series/" + inst.series() + "/instances/" + inst.sop();
            HttpResponse<String> r = WebClient.get(url + "/metadata", "application/dicom+json");
            assertEquals(200, r.statusCode(), r.body());
            Map<String, String> uris = new TreeMap<>();
            bulkDataUris(WebClient.array(r).getJsonObject(0), "", uris);
            Map<String, String> expected = new TreeMap<>();
            values.keySet().forEach(p -> expected.put(p, url + "/bulkdata/" + p));
            if (k == 1) {
                expected.put("7FE00010", url + "/bulkdata/7FE00010");
            }
            assertEquals(expected, uris, "the BulkDataURIs of " + inst.sop());

            for (Map.Entry<String, byte[]> v : values.entrySet()) {
                HttpResponse<byte[]> b = WebClient.getBytes(uris.get(v.getKey()), OCTETS);
                assertEquals(200, b.statusCode(), v.getKey());
                assertArrayEquals(v.getValue(), b.body(), "the value at " + v.getKey());
                HttpResponse<byte[]> multipart = WebClient.getBytes(uris.get(v.getKey()),
                        "multipart/related; type=\"" + OCTETS + "\"");
                assertArrayEquals(v.getValue(), MultipartBody.parts(multipart.body(),
                        multipart.headers().firstValue("Content-Type").orElseThrow()).get(0), "as a part: " + v.getKey());
                int n = v.getValue().length;
                HttpResponse<byte[]> range = WebClient.getRange(uris.get(v.getKey()), OCTETS, "bytes=1000-1999");
                assertEquals(206, range.statusCode());
                assertEquals("bytes 1000-1999/" + n, range.headers().firstValue("Content-Range").orElseThrow());
                assertArrayEquals(Arrays.copyOfRange(v.getValue(), 1000, 2000), range.body());
            }

            HttpResponse<byte[]> xml = WebClient.getBytes(url + "/metadata", "multipart/related; type=\"application/dicom+xml\"");
            assertEquals(200, xml.statusCode());
            String part = new String(MultipartBody.parts(xml.body(), xml.headers().firstValue("Content-Type").orElseThrow())
                    .get(0), StandardCharsets.UTF_8);
            for (String uri : expected.values()) {
                assertTrue(part.contains("<BulkData uri=\"" + uri + "\""), uri + " in " + part);
            }
        }

        HttpResponse<byte[]> r = WebClient.getBytes(rs + "/studies/" + study,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertEquals(200, r.statusCode());
        List<byte[]> parts = MultipartBody.parts(r.body(), r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(2, parts.size());
        for (Samples.Instance i : sent) {
            assertEquals(1, parts.stream().filter(p -> Arrays.equals(i.dataset(), Samples.dataset(p))).count(),
                    "data set of " + i.sop() + " once, byte-identical");
        }
        if (aet.equals(S3_AE)) {
            assertFalse(r.headers().firstValue("Content-Length").isPresent(), "from S3 the body is chunked");
        } else {
            assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse(null),
                    "from the file system the length is known before the first byte");
        }
    }

    @Test
    void aStudyOnBothStoragesAndAConvertedOneComeBackChunked() throws Exception {
        String study = Samples.uid();
        Samples.Instance onFs = Samples.copy("waveform_ecg.dcm", study);
        Samples.Instance onS3 = Samples.copy("CT_small.dcm", study);
        assertEquals(200, WebClient.stow(WebClient.RS + "/studies", WebClient.multipart("application/dicom", onFs.file()))
                .statusCode());
        assertEquals(200, WebClient.stow(WebClient.BASE + "/aets/" + S3_AE + "/rs/studies",
                WebClient.multipart("application/dicom", onS3.file())).statusCode());
        HttpResponse<byte[]> r = WebClient.getBytes(WebClient.RS + "/studies/" + study,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertEquals(200, r.statusCode());
        assertFalse(r.headers().firstValue("Content-Length").isPresent(), "one object is on S3: chunked");
        List<byte[]> parts = MultipartBody.parts(r.body(), r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(2, parts.size());
        for (Samples.Instance i : List.of(onFs, onS3)) {
            assertEquals(1, parts.stream().filter(p -> Arrays.equals(i.dataset(), Samples.dataset(p))).count(),
                    "data set of " + i.sop() + " once, byte-identical");
        }
        // Implicit VR Little Endian: converted, so of a length not known in advance
        String implicit = "1.2.840.10008.1.2";
        HttpResponse<byte[]> converted = WebClient.getBytes(WebClient.RS + "/studies/" + study + "/series/"
                + onFs.series(), "multipart/related; type=\"application/dicom\"; transfer-syntax=" + implicit);
        assertEquals(200, converted.statusCode());
        assertFalse(converted.headers().firstValue("Content-Length").isPresent());
        byte[] file = MultipartBody.parts(converted.body(), converted.headers().firstValue("Content-Type").orElseThrow())
                .get(0);
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            assertEquals(implicit, in.readFileMetaInformation().transferSyntaxUID());
            Attributes ds = in.readDataset();
            assertEquals(onFs.sop(), ds.getString(Tag.SOPInstanceUID));
            assertArrayEquals(bulkValues(onFs.file()).get("54000100/1/54001010"),
                    ds.getSequence(Tag.WaveformSequence).get(1).getBytes(Tag.WaveformData), "the second waveform");
        }
    }

    /** The binary values of 1 KB and more of a DICOM file other than pixel data, by path, as its bytes hold them. */
    private static Map<String, byte[]> bulkValues(byte[] file) throws Exception {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            in.setBulkDataURI(URI.create("urn:test")).setBulkDataThreshold(1024);
            in.readFileMetaInformation();
            Map<String, byte[]> values = new TreeMap<>();
            collect(in.readDataset(), "", file, values);
            return values;
        }
    }

    private static void collect(Attributes a, String prefix, byte[] file, Map<String, byte[]> values) {
        for (int i = 0; i < a.size(); i++) {
            String path = prefix + String.format("%08X", a.tagAt(i));
            if (a.valueAt(i) instanceof BulkData bd && a.tagAt(i) != Tag.PixelData) {
                values.put(path, Arrays.copyOfRange(file, (int) bd.offset(), (int) (bd.offset() + bd.length())));
            } else if (a.valueAt(i) instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    collect(seq.get(k), path + "/" + k + "/", file, values);
                }
            }
        }
    }

    /** The BulkDataURIs of a DICOM JSON data set, by element path. */
    private static void bulkDataUris(JsonObject dataset, String prefix, Map<String, String> uris) {
        for (Map.Entry<String, JsonValue> e : dataset.entrySet()) {
            JsonObject element = e.getValue().asJsonObject();
            String path = prefix + e.getKey();
            if (element.containsKey("BulkDataURI")) {
                uris.put(path, element.getString("BulkDataURI"));
            } else if ("SQ".equals(element.getString("vr", null)) && element.containsKey("Value")) {
                JsonArray items = element.getJsonArray("Value");
                for (int k = 0; k < items.size(); k++) {
                    bulkDataUris(items.getJsonObject(k), path + "/" + k + "/", uris);
                }
            }
        }
    }
}
