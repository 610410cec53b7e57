package org.arca.it.web;

import static org.arca.it.web.WebClient.RS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One study stored by STOW-RS (a CT, an MR and a JPEG 2000 instance, each its own series), then
 * found by QIDO-RS and retrieved by WADO-RS: objects identical to what was sent, metadata from
 * the index.
 */
@ExtendWith(ArquillianExtension.class)
class QidoWadoIT {
    private static final String DICOM_ANY = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static String study;
    private static List<Samples.Instance> sent;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    @BeforeAll
    static void store() throws Exception {
        study = Samples.uid();
        sent = List.of(Samples.copy("CT_small.dcm", study), Samples.copy("MR_small.dcm", study),
                Samples.copy("JPEG2000.dcm", study));
        HttpResponse<String> r = WebClient.stow(RS + "/studies", WebClient.multipart("application/dicom",
                sent.get(0).file(), sent.get(1).file(), sent.get(2).file()));
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonArray qido(String pathAndQuery) throws Exception {
        HttpResponse<String> r = WebClient.get(RS + pathAndQuery, "application/dicom+json");
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        return WebClient.array(r);
    }

    @Test
    void qidoFindsTheStudyItsSeriesAndInstancesAtEveryNesting() throws Exception {
        JsonArray studies = qido("/studies?StudyInstanceUID=" + study);
        assertEquals(1, studies.size());
        JsonObject s = studies.getJsonObject(0);
        assertEquals("3", WebClient.value(s, "00201208"), "NumberOfStudyRelatedInstances");
        assertEquals(RS + "/studies/" + study, WebClient.value(s, "00081190"));
        assertEquals("CompressedSamples^CT1", s.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0)
                .getString("Alphabetic"));
        assertEquals(3, qido("/studies/" + study + "/series").size());
        assertEquals(1, qido("/studies/" + study + "/series?Modality=MR").size());
        assertEquals(3, qido("/series?StudyInstanceUID=" + study).size());
        assertEquals(3, qido("/studies/" + study + "/instances").size());
        assertEquals(3, qido("/instances?0020000D=" + study).size());
        JsonArray one = qido("/studies/" + study + "/series/" + sent.get(1).series() + "/instances");
        assertEquals(1, one.size());
        assertEquals(sent.get(1).sop(), WebClient.value(one.getJsonObject(0), "00080018"));
        assertEquals("64", WebClient.value(one.getJsonObject(0), "00280010"), "Rows is a default instance attribute");
    }

    @Test
    void matchingLimitOffsetAndIncludefield() throws Exception {
        assertTrue(qido("/studies?PatientName=compressedsamples*&StudyInstanceUID=" + study).size() == 1);
        assertEquals(0, qido("/studies?PatientName=nobody&StudyInstanceUID=" + study).size());
        // the parts of one STOW request may be indexed in any order: the page is the tail of the whole list
        JsonArray whole = qido("/studies/" + study + "/instances");
        JsonArray page = qido("/studies/" + study + "/instances?limit=2&offset=1");
        assertEquals(2, page.size());
        assertEquals(WebClient.value(whole.getJsonObject(1), "00080018"), WebClient.value(page.getJsonObject(0), "00080018"));
        assertEquals(WebClient.value(whole.getJsonObject(2), "00080018"), WebClient.value(page.getJsonObject(1), "00080018"));
        JsonObject series = qido("/studies/" + study + "/series?Modality=CT").getJsonObject(0);
        assertNull(series.getJsonObject("00080070"), "Manufacturer is not a default series attribute");
        JsonObject withField = qido("/studies/" + study + "/series?Modality=CT&includefield=Manufacturer")
                .getJsonObject(0);
        assertEquals("GE MEDICAL SYSTEMS", WebClient.value(withField, "00080070"));
        JsonObject all = qido("/studies/" + study + "/instances?SOPInstanceUID=" + sent.get(0).sop()
                + "&includefield=all").getJsonObject(0);
        assertEquals("128", WebClient.value(all, "00280011"), "Columns");
        assertTrue(all.containsKey("00180050"), "SliceThickness comes with includefield=all: " + all);
        HttpResponse<String> fuzzy = WebClient.get(RS + "/studies?fuzzymatching=true&StudyInstanceUID=" + study, null);
        assertEquals(200, fuzzy.statusCode());
        assertTrue(fuzzy.headers().firstValue("Warning").orElse("").contains("fuzzymatching"));
    }

    @Test
    void badQueryParametersAre400NamingThem() throws Exception {
        HttpResponse<String> r = WebClient.get(RS + "/studies?NoSuchKeyword=1", null);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("NoSuchKeyword"), r.body());
        HttpResponse<String> limit = WebClient.get(RS + "/studies?limit=many", null);
        assertEquals(400, limit.statusCode());
        assertTrue(limit.body().contains("limit=many"), limit.body());
        HttpResponse<String> number = WebClient.get(RS + "/series?SeriesNumber=abc", null);
        assertEquals(400, number.statusCode());
        assertTrue(number.body().contains("SeriesNumber=abc"), number.body());
    }

    @Test
    void qidoAsMultipartXml() throws Exception {
        HttpResponse<byte[]> r = WebClient.getBytes(RS + "/studies/" + study + "/series",
                "multipart/related; type=\"application/dicom+xml\"");
        assertEquals(200, r.statusCode());
        List<byte[]> parts = MultipartBody.parts(r.body(), r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(3, parts.size());
        assertTrue(new String(parts.get(0), java.nio.charset.StandardCharsets.UTF_8).contains("NativeDicomModel"));
    }

    @Test
    void wadoReturnsTheObjectsByteIdentical() throws Exception {
        HttpResponse<byte[]> r = WebClient.getBytes(RS + "/studies/" + study, DICOM_ANY);
        assertEquals(200, r.statusCode());
        String ct = r.headers().firstValue("Content-Type").orElseThrow();
        assertTrue(ct.startsWith("multipart/related"), ct);
        List<byte[]> parts = MultipartBody.parts(r.body(), ct);
        assertEquals(3, parts.size());
        // in index order, which for the parts of one STOW request need not be the order sent
        List<byte[]> received = new java.util.ArrayList<>();
        for (byte[] part : parts) {
            received.add(Samples.dataset(part));
        }
        for (Samples.Instance i : sent) {
            byte[] expected = i.dataset();
            assertEquals(1, received.stream().filter(d -> java.util.Arrays.equals(expected, d)).count(),
                    "data set of " + i.sop() + " once, byte-identical");
        }
        Samples.Instance mr = sent.get(1);
        HttpResponse<byte[]> one = WebClient.getBytes(RS + "/studies/" + study + "/series/" + mr.series()
                + "/instances/" + mr.sop(), "multipart/related; type=\"application/dicom\"");
        List<byte[]> single = MultipartBody.parts(one.body(), one.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(1, single.size());
        assertArrayEquals(mr.dataset(), Samples.dataset(single.get(0)), "default transfer syntax is the stored one here");
    }

    @Test
    void metadataComesFromTheIndex() throws Exception {
        Samples.Instance ct = sent.get(0);
        HttpResponse<String> r = WebClient.get(RS + "/studies/" + study + "/series/" + ct.series() + "/metadata",
                "application/dicom+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject m = WebClient.array(r).getJsonObject(0);
        assertEquals(ct.sop(), WebClient.value(m, "00080018"));
        assertEquals(study, WebClient.value(m, "0020000D"));
        assertEquals("CompressedSamples^CT1", m.getJsonObject("00100010").getJsonArray("Value").getJsonObject(0)
                .getString("Alphabetic"));
        assertEquals("128", WebClient.value(m, "00280010"));
        assertEquals(RS + "/studies/" + study + "/series/" + ct.series() + "/instances/" + ct.sop() + "/bulkdata/7FE00010",
                m.getJsonObject("7FE00010").getString("BulkDataURI"));
        assertEquals(3, WebClient.array(WebClient.get(RS + "/studies/" + study + "/metadata", null)).size());
    }

    @Test
    void countsAndBadParameters() throws Exception {
        assertEquals("{\"count\":1}", WebClient.get(RS + "/studies/count?StudyInstanceUID=" + study, null).body());
        assertEquals("{\"count\":3}", WebClient.get(RS + "/studies/" + study + "/series/count", null).body());
        assertEquals("{\"count\":1}", WebClient.get(RS + "/studies/" + study + "/series/count?Modality=MR", null).body());
        assertEquals("{\"count\":3}", WebClient.get(RS + "/studies/" + study + "/instances/count", null).body());
        assertEquals("{\"count\":1}", WebClient.get(RS + "/studies/" + study + "/series/" + sent.get(0).series()
                + "/instances/count", null).body());
        assertEquals("{\"count\":3}", WebClient.get(RS + "/instances/count?StudyInstanceUID=" + study, null).body());
        for (String bad : List.of("limit=x", "offset=-1", "NoSuchKeyword=1", "StudyDate=2020-01", "fuzzymatching=maybe")) {
            HttpResponse<String> r = WebClient.get(RS + "/studies?" + bad, "application/dicom+json");
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains(bad.substring(0, bad.indexOf('='))), bad + ": " + r.body());
        }
        HttpResponse<String> r = WebClient.get(RS + "/series/count?limit=x", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("limit"), r.body());
        assertEquals(406, WebClient.get(RS + "/studies?StudyInstanceUID=" + study, "text/html").statusCode());
        assertEquals(404, WebClient.get(RS + "/studies/" + study + "/series/1.2.3.404/metadata", null).statusCode());
        assertEquals(404, WebClient.get(RS + "/studies/" + study + "/series/" + sent.get(0).series()
                + "/instances/1.2.3.404/frames/1", null).statusCode());
        assertEquals(404, WebClient.get(WebClient.BASE + "/aets/NOSUCHAE/rs/studies?limit=1", null).statusCode());
    }

    @Test
    void unknownUidIs404AndUnacceptableTypeIs406() throws Exception {
        assertEquals(404, WebClient.get(RS + "/studies/1.2.3.4.5.404", DICOM_ANY).statusCode());
        assertEquals(404, WebClient.get(RS + "/studies/1.2.3.4.5.404/metadata", null).statusCode());
        assertEquals(406, WebClient.get(RS + "/studies/" + study, "image/png").statusCode());
        assertEquals(406, WebClient.get(RS + "/studies/" + study + "/metadata", "text/html").statusCode());
    }

    @Test
    void framesBulkDataWithRangesAndWadoUri() throws Exception {
        Samples.Instance ct = sent.get(0);
        String inst = RS + "/studies/" + study + "/series/" + ct.series() + "/instances/" + ct.sop();
        byte[] file = ct.file();
        int at = Samples.pixelDataOffset(file); // CT_small has trailing padding after its pixel data
        byte[] pixels = java.util.Arrays.copyOfRange(file, at, at + 128 * 128 * 2);
        HttpResponse<byte[]> frame = WebClient.getBytes(inst + "/frames/1", "multipart/related; type=\"application/octet-stream\"");
        assertEquals(200, frame.statusCode());
        List<byte[]> frames = MultipartBody.parts(frame.body(), frame.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(pixels, frames.get(0), "frame 1 of an uncompressed single-frame CT is its pixel data");
        assertEquals(404, WebClient.get(inst + "/frames/2", null).statusCode());
        assertEquals(400, WebClient.get(inst + "/frames/x", null).statusCode());

        HttpResponse<byte[]> range = WebClient.getRange(inst + "/bulkdata/7FE00010", "application/octet-stream", "bytes=100-199");
        assertEquals(206, range.statusCode());
        assertEquals("bytes 100-199/" + pixels.length, range.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(java.util.Arrays.copyOfRange(pixels, 100, 200), range.body());

        Samples.Instance j2k = sent.get(2);
        HttpResponse<byte[]> encapsulated = WebClient.getBytes(RS + "/studies/" + study + "/series/" + j2k.series()
                + "/instances/" + j2k.sop() + "/frames/1", "multipart/related; type=\"application/octet-stream\"");
        assertEquals(200, encapsulated.statusCode());
        byte[] codestream = MultipartBody.parts(encapsulated.body(),
                encapsulated.headers().firstValue("Content-Type").orElseThrow()).get(0);
        assertEquals((byte) 0xFF, codestream[0], "a JPEG 2000 codestream starts with SOC FF4F");
        assertEquals((byte) 0x4F, codestream[1]);

        String wado = WebClient.BASE + "/aets/DCM4CHEE/wado?requestType=WADO&studyUID=" + study + "&seriesUID="
                + ct.series() + "&objectUID=" + ct.sop() + "&contentType=application/dicom";
        HttpResponse<byte[]> uri = WebClient.getBytes(wado, "*/*");
        assertEquals(200, uri.statusCode());
        assertArrayEquals(ct.dataset(), Samples.dataset(uri.body()));
        assertEquals(404, WebClient.get(wado.replace(ct.series(), "1.2.3"), null).statusCode());
        assertEquals(400, WebClient.get(wado.replace("requestType=WADO", "requestType=XYZ"), null).statusCode());
    }
}
