package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing from non-seekable streams, stopping at a tag, bulk data by reference, bad input. */
class StreamingTest {

    private static final int PIXEL_DATA = 0x7FE00010;
    private Path mr;
    private byte[] mrBytes;

    @BeforeEach
    void load() throws IOException {
        mr = TestFiles.TEST_FILES.resolve("MR_small.dcm");
        Assertions.assertTrue(Files.exists(mr), "pydicom test files missing: install the Debian package python3-pydicom");
        mrBytes = Files.readAllBytes(mr);
    }

    /** Hands out at most 7 bytes per read, cannot skip or mark: like a slow socket. */
    static InputStream trickle(byte[] b) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < b.length ? b[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] dst, int off, int len) {
                if (pos >= b.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 7), b.length - pos);
                System.arraycopy(b, pos, dst, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void nonSeekableStreamGivesTheSameDataSetAsTheFile() throws IOException {
        Attributes fromFile;
        try (DicomInputStream in = new DicomInputStream(mr)) {
            fromFile = in.readDataset();
        }
        try (DicomInputStream in = new DicomInputStream(trickle(mrBytes))) {
            assertEquals(fromFile, in.readDataset());
        }
    }

    @Test
    void c_storeDataSetWithoutMetaInKnownSyntax() throws IOException {
        byte[] dataset = Arrays.copyOfRange(mrBytes, datasetStart(mrBytes), mrBytes.length);
        try (DicomInputStream in = new DicomInputStream(trickle(dataset), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            assertNull(in.readFileMetaInformation());
            Attributes a = in.readDataset();
            assertEquals("MR", a.getString(0x00080060));
        }
    }

    @Test
    void stopsBeforePixelDataAndCanReadOn() throws IOException {
        try (DicomInputStream in = new DicomInputStream(trickle(mrBytes))) {
            Attributes header = in.readDataset(PIXEL_DATA);
            assertTrue(in.stopped());
            assertFalse(header.contains(PIXEL_DATA));
            assertEquals(64, header.getInt(0x00280010, 0)); // Rows
            long pixelDataHeader = in.position();
            assertEquals(PIXEL_DATA, ((mrBytes[(int) pixelDataHeader] & 0xFF) | (mrBytes[(int) pixelDataHeader + 1] & 0xFF) << 8) << 16
                    | (mrBytes[(int) pixelDataHeader + 2] & 0xFF) | (mrBytes[(int) pixelDataHeader + 3] & 0xFF) << 8);
            in.readDataset(header, -1);
            assertFalse(in.stopped());
            assertEquals(64 * 64 * 2, header.getBytes(PIXEL_DATA).length);
        }
    }

    @Test
    void largeValuesBecomeBulkDataReferencesAndWriteBackIdentical() throws IOException {
        Attributes a;
        FileMetaInformation fmi;
        try (DicomInputStream in = new DicomInputStream(mr).setBulkDataThreshold(1024)) {
            fmi = in.readFileMetaInformation();
            a = in.readDataset();
        }
        BulkData bd = assertInstanceOf(BulkData.class, a.getValue(PIXEL_DATA));
        assertEquals(mr.toUri(), bd.uri());
        assertEquals(8192, bd.length());
        assertEquals(1500, bd.offset()); // header at 1488, 12 bytes (OW), then the value
        assertArrayEquals(Arrays.copyOfRange(mrBytes, 1500, 1500 + 8192), bd.readBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomOutputStream dos = new DicomOutputStream(out)) {
            dos.writeFile(fmi, a);
        }
        assertArrayEquals(mrBytes, out.toByteArray());
    }

    @Test
    void fragmentsOfEncapsulatedPixelDataAsBulkData() throws IOException {
        Path jpeg = TestFiles.TEST_FILES.resolve("JPEG2000.dcm");
        try (DicomInputStream in = new DicomInputStream(jpeg).setBulkDataThreshold(64)) {
            in.readFileMetaInformation();
            assertTrue(in.transferSyntax().encapsulated());
            Fragments f = in.readDataset().getFragments(PIXEL_DATA);
            assertEquals(2, f.size());
            assertEquals(0, f.length(0)); // empty Basic Offset Table stays in memory
            assertInstanceOf(BulkData.class, f.get(1));
        }
    }

    /** Cut MR_small after every byte: each prefix parses or fails with DicomParseException. */
    @Test
    void everyTruncationFailsPreciselyOrParses() throws IOException {
        int parsed = 0;
        for (int len = 0; len < mrBytes.length; len++) {
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(mrBytes, 0, len))) {
                in.readDataset();
                parsed++;
            } catch (DicomParseException e) {
                assertTrue(e.offset() >= 0 && e.offset() <= len, e.getMessage());
            }
        }
        assertTrue(parsed < 100, "only cuts at element boundaries parse, got " + parsed);
    }

    /** Random byte corruption: never an unchecked exception, never an OutOfMemoryError. */
    @Test
    void corruptedBytesFailWithParseExceptions() throws IOException {
        Random random = new Random(20240501);
        for (int round = 0; round < 3000; round++) {
            byte[] b = mrBytes.clone();
            for (int k = 0; k < 4; k++) {
                b[132 + random.nextInt(1700)] = (byte) random.nextInt(256);
            }
            try (DicomInputStream in = new DicomInputStream(trickle(b))) {
                in.readDataset();
            } catch (DicomParseException expected) {
                // the point: malformed input is reported, not crashed on
            }
        }
    }

    /** A 2 GB length on a stream of unknown size: memory grows only with the bytes that come. */
    @Test
    void bogusLengthOnAStreamDoesNotAllocateIt() {
        byte[] ds = {0x09, 0x00, 0x10, 0x10, 'O', 'B', 0, 0, 0, 0, 0, 0x7F, 1, 2, 3, 4};
        DicomParseException e = assertThrows(DicomParseException.class, () -> {
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(ds),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                in.readDataset();
            }
        });
        assertEquals(0x00091010, e.tag());
        assertEquals(0, e.offset());
    }

    private static int datasetStart(byte[] file) {
        int groupLength = (file[140] & 0xFF) | (file[141] & 0xFF) << 8;
        return 144 + groupLength;
    }
}
