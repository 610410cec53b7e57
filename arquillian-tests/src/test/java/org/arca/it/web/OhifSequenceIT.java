package org.arca.it.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What OHIF does when a user opens a study: QIDO studies, QIDO series of the study, WADO-RS
 * series metadata, then frame 1 of every instance by the URL it builds from the metadata, and
 * the thumbnail of the series. A 40-image CT series stored with STOW-RS, once through AE
 * DCM4CHEE into the file system storage and once through an AE whose storage is S3 (S3Proxy on
 * loopback); every frame must be the pixel data that was sent.
 */
@ExtendWith(ArquillianExtension.class)
class OhifSequenceIT {
    private static final int IMAGES = 40;
    private static final String FRAMES = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    private static final String S3_AE = "OHIFS3";
    private static final String S3_STORAGE = "ohif-s3";
    private static final String BUCKET = "ohif-bucket";
    private static S3Ae s3;

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
    void studyListSeriesMetadataAndEveryFrame(String aet) throws Exception {
        String rs = WebClient.BASE + "/aets/" + aet + "/rs";
        String study = Samples.uid();
        String series = Samples.uid();
        Map<String, byte[]> pixels = new HashMap<>();
        List<byte[]> files = new ArrayList<>();
        byte[] source = Samples.bytes("CT_small.dcm");
        for (int i = 1; i <= IMAGES; i++) {
            FileMetaInformation fmi;
            Attributes ds;
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(source))) {
                fmi = in.readFileMetaInformation();
                ds = in.readDataset();
            }
            String iuid = Samples.uid();
            ds.setString(Tag.StudyInstanceUID, VR.UI, study);
            ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
            ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
            ds.setString(Tag.InstanceNumber, VR.IS, String.valueOf(i));
            byte[] px = ds.getBytes(Tag.PixelData).clone();
            px[0] = (byte) i; // every image differs
            ds.setBytes(Tag.PixelData, VR.OW, px);
            pixels.put(iuid, px);
            fmi.attributes().setString(Tag.MediaStorageSOPInstanceUID, VR.UI, iuid);
            fmi.updateGroupLength();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DicomOutputStream dos = new DicomOutputStream(out)) {
                dos.writeFile(fmi, ds);
            }
            files.add(out.toByteArray());
        }
        HttpResponse<String> stored = WebClient.stow(rs + "/studies", WebClient.multipart("application/dicom",
                files.toArray(new byte[0][])));
        assertEquals(200, stored.statusCode(), stored.body());
        if (aet.equals(S3_AE)) {
            try (Stream<Path> objects = Files.walk(s3.bucketDir())) {
                assertEquals(IMAGES, objects.filter(Files::isRegularFile).count(), "objects in the S3 bucket");
            }
        }

        // 1. the study list
        HttpResponse<String> r = WebClient.get(rs + "/studies?limit=101&offset=0&fuzzymatching=false"
                + "&includefield=00081030,00080060&StudyInstanceUID=" + study, "application/dicom+json");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray studies = WebClient.array(r);
        assertEquals(1, studies.size());
        assertEquals(String.valueOf(IMAGES), WebClient.value(studies.getJsonObject(0), "00201208"));
        // 2. the series of the study
        JsonArray seriesList = WebClient.array(WebClient.get(rs + "/studies/" + study + "/series", "application/dicom+json"));
        assertEquals(1, seriesList.size());
        assertEquals("CT", WebClient.value(seriesList.getJsonObject(0), "00080060"));
        // 3. the series metadata
        long t0 = System.nanoTime();
        r = WebClient.get(rs + "/studies/" + study + "/series/" + series + "/metadata", "application/dicom+json");
        long metadataMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        JsonArray metadata = WebClient.array(r);
        assertEquals(IMAGES, metadata.size());
        assertTrue(metadataMillis < 5000, "series metadata of " + IMAGES + " images took " + metadataMillis + " ms");
        // 4. frame 1 of every instance, by the URL built from the metadata (as OHIF's DICOMweb client does)
        for (int i = 0; i < metadata.size(); i++) {
            JsonObject m = metadata.getJsonObject(i);
            String iuid = WebClient.value(m, "00080018");
            String bulk = m.getJsonObject("7FE00010").getString("BulkDataURI");
            assertEquals(rs + "/studies/" + study + "/series/" + series + "/instances/" + iuid + "/bulkdata/7FE00010", bulk);
            HttpResponse<byte[]> f = WebClient.getBytes(rs + "/studies/" + study + "/series/" + series
                    + "/instances/" + iuid + "/frames/1", FRAMES);
            assertEquals(200, f.statusCode(), new String(f.body()));
            byte[] frame = MultipartBody.parts(f.body(), f.headers().firstValue("Content-Type").orElseThrow()).get(0);
            assertArrayEquals(pixels.get(iuid), frame, "frame 1 of instance " + WebClient.value(m, "00200013"));
            HttpResponse<byte[]> b = WebClient.getBytes(bulk, "application/octet-stream");
            assertArrayEquals(pixels.get(iuid), Arrays.copyOf(b.body(), pixels.get(iuid).length), "the BulkDataURI");
        }
        // 5. the series thumbnail
        HttpResponse<byte[]> thumb = WebClient.getBytes(rs + "/studies/" + study + "/series/" + series + "/thumbnail",
                "image/jpeg");
        assertEquals(200, thumb.statusCode());
        assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElseThrow());
    }
}
