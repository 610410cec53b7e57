package org.arca.tools.stowrsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StowRsdTest {

    private static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    private static final String BOUNDARY = "test-boundary-0123";

    @TempDir
    Path dir;

    private StowRsd rsd;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        rsd = StowRsd.start("127.0.0.1", 0, "/stowrs", dir, false);
    }

    @AfterEach
    void stop() {
        rsd.close();
    }

    /** A Part 10 file whose pixel data is {@code pixelBytes} random bytes (so buffers get crossed). */
    private static byte[] part10(String iuid, int pixelBytes) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, SC);
        ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        byte[] pixels = new byte[pixelBytes];
        new Random(42).nextBytes(pixels);
        ds.setValue(Tag.PixelData, VR.OB, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomOutputStream dos = new DicomOutputStream(out);
        dos.writeFile(FileMetaInformation.create(SC, iuid, "1.2.840.10008.1.2.1"), ds);
        dos.finish();
        return out.toByteArray();
    }

    private static byte[] multipart(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private HttpResponse<String> post(String contentType, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher pub = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rsd.port() + "/stowrs/studies"))
                .header("Content-Type", contentType).POST(pub).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storesEveryPartByteForByteAndAnswers200WithReferencedSops() throws Exception {
        byte[] a = part10("1.2.3.4.1", 300_000);
        byte[] b = part10("1.2.3.4.2", 10);
        HttpResponse<String> r = post("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY,
                multipart(List.of(a, b)), true);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"00081199\"") && r.body().contains("1.2.3.4.1") && r.body().contains("1.2.3.4.2"),
                r.body());
        assertFalse(r.body().contains("00081198"), r.body());
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("1.2.3.4.1.dcm")));
        assertArrayEquals(b, Files.readAllBytes(dir.resolve("1.2.3.4.2.dcm")));
    }

    @Test
    void aPartThatIsNoDicomFileFailsAlone() throws Exception {
        byte[] a = part10("1.2.3.4.3", 1000);
        HttpResponse<String> r = post("multipart/related; type=\"application/dicom\"; boundary=\"" + BOUNDARY + "\"",
                multipart(List.of(a, "not dicom".getBytes(StandardCharsets.US_ASCII))), false);
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"00081198\"") && r.body().contains("49152"), r.body());
        assertTrue(Files.exists(dir.resolve("1.2.3.4.3.dcm")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void allFailedIs409AndOtherMediaTypesAre415() throws Exception {
        assertEquals(409, post("multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY,
                multipart(List.of("x".getBytes(StandardCharsets.US_ASCII))), false).statusCode());
        assertEquals(415, post("application/dicom", new byte[10], false).statusCode());
    }
}
