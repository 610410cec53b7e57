package org.arca.dicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.arca.dicomweb.multipart.MultipartParser;
import org.junit.jupiter.api.Test;

class Part10ReaderTest {
    private static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    /** As Orthanc's STOW-RS client sends it: 73-character boundary, Content-Length part header. */
    @Test
    void metaIsReadAndTheDataSetFollowsUntouched() throws Exception {
        Path ct = SAMPLES.resolve("CT_small.dcm");
        assumeTrue(Files.isRegularFile(ct), "python3-pydicom not installed");
        byte[] file = Files.readAllBytes(ct);
        String b = "8d6046c9-093a-4efe-a438-c52bd6332b8f-8d6046c9-093a-4efe-a438-c52bd6332b8f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + b + "\r\nContent-Type: application/dicom\r\nContent-Length: " + file.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(file);
        body.write(("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(body.toByteArray()), b);
        Part10Reader.Part10 p10 = Part10Reader.read(parser.nextPart().body());
        assertEquals("1.2.840.10008.1.2.1", p10.meta().transferSyntaxUID());
        assertEquals("1.2.840.10008.5.1.4.1.1.2", p10.meta().mediaStorageSOPClassUID());
        byte[] rest = p10.dataset().readAllBytes();
        assertArrayEquals(Arrays.copyOfRange(file, file.length - rest.length, file.length), rest);
        assertEquals(0x08, rest[0], "the data set starts with group 0008");
    }

    @Test
    void somethingElseIsNotDicom() {
        Part10Reader.NotDicomException e = assertThrows(Part10Reader.NotDicomException.class,
                () -> Part10Reader.read(new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("not a DICOM file: no 'DICM' at byte 128 (5 bytes read)", e.getMessage());
    }
}
