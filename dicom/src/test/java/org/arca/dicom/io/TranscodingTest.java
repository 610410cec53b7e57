package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explicit VR LE -> Implicit VR LE -> Explicit VR BE -> Deflated -> Explicit VR LE: the
 * data set survives, and each step gives the same data set as DCMTK's dcmconv.
 */
class TranscodingTest {

    private static final List<TransferSyntax> CHAIN = List.of(
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    private static final String[] DCMCONV_OPTION = {"+ti", "+tb", "+td", "+te"};

    @ParameterizedTest
    @ValueSource(strings = {"MR_small.dcm", "CT_small.dcm", "reportsi.dcm", "rtdose_1frame.dcm"})
    void roundTripThroughAllUncompressedSyntaxes(String name, @TempDir Path tmp) throws Exception {
        Path source = TestFiles.TEST_FILES.resolve(name);
        Assertions.assertTrue(Files.exists(source), "pydicom test files missing: install the Debian package python3-pydicom");
        byte[] bytes = Files.readAllBytes(source);
        Attributes original = read(bytes);
        boolean dcmconv = Files.isExecutable(Path.of("/usr/bin/dcmconv"));
        Path dcmtkFile = source;
        Attributes current = original;
        for (int step = 0; step < CHAIN.size(); step++) {
            TransferSyntax ts = CHAIN.get(step);
            bytes = write(bytes, ts);
            Attributes converted = read(bytes);
            DicomInputStream check = new DicomInputStream(new ByteArrayInputStream(bytes));
            check.readFileMetaInformation();
            assertEquals(ts, check.transferSyntax());
            assertSameDataSet(current, converted, "step " + step + " to " + ts);
            if (dcmconv) {
                Path next = tmp.resolve("dcmtk" + step + ".dcm");
                Process p = new ProcessBuilder("/usr/bin/dcmconv", DCMCONV_OPTION[step],
                        dcmtkFile.toString(), next.toString()).inheritIO().start();
                assertEquals(0, p.waitFor(), "dcmconv");
                dcmtkFile = next;
                assertSameDataSet(read(Files.readAllBytes(next)), converted, "dcmconv " + DCMCONV_OPTION[step]);
            }
            current = converted;
        }
        assertSameDataSet(original, current, "round trip");
    }

    /** A Big Endian data set holds swapped bytes; converting back restores the originals. */
    @ParameterizedTest
    @ValueSource(strings = {"MR_small.dcm"})
    void bigEndianSwapsBinaryValues(String name) throws IOException {
        Path source = TestFiles.TEST_FILES.resolve(name);
        Assertions.assertTrue(Files.exists(source), "pydicom test files missing: install the Debian package python3-pydicom");
        byte[] le = Files.readAllBytes(source);
        Attributes a = read(le);
        Attributes be = read(write(le, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN));
        assertTrue(be.bigEndian());
        assertEquals(a.getInt(0x00280010, -1), be.getInt(0x00280010, -2)); // Rows, US
        assertNotEquals(a.getBytes(0x00280010)[0], be.getBytes(0x00280010)[0]);
        byte[] px = a.getBytes(0x7FE00010).clone();
        org.arca.dicom.data.Values.swap(px, 0, px.length, 2);
        assertArrayEquals(px, be.getBytes(0x7FE00010)); // OW pixel data swapped as 16-bit words
        assertEquals(a, be); // equality compares binary values by number across byte orders
    }

    static Attributes read(byte[] bytes) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            return in.readDataset();
        }
    }

    static byte[] write(byte[] file, TransferSyntax ts) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            FileMetaInformation fmi = in.readFileMetaInformation();
            Attributes ds = in.readDataset();
            fmi.setTransferSyntaxUID(ts.uid());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DicomOutputStream dos = new DicomOutputStream(out)) {
                dos.writeFile(fmi, ds);
            }
            return out.toByteArray();
        }
    }

    /**
     * Same tags and values (binary values by number). VRs agree except where Implicit VR
     * cannot carry them: then one side has what the dictionary gives for the tag (UN for
     * private elements, US for "US or SS", which DCMTK resolves by Pixel Representation).
     */
    static void assertSameDataSet(Attributes expected, Attributes actual, String context) {
        assertEquals(tags(expected), tags(actual), context);
        for (int i = 0; i < expected.size(); i++) {
            int tag = expected.tagAt(i);
            String where = context + String.format(" (%04X,%04X)", tag >>> 16, tag & 0xFFFF);
            VR ve = expected.vrAt(i);
            VR va = actual.vrAt(i);
            if (ve != va) {
                VR dict = ElementDictionary.vrOf(tag);
                boolean ambiguous = ElementDictionary.vrTextOf(tag).contains(" or ");
                assertTrue(va == dict || ve == dict || (ambiguous && (ve == VR.SS || va == VR.SS)),
                        where + ": " + ve + " vs " + va);
            }
            Object x = expected.valueAt(i);
            Object y = actual.valueAt(i);
            if (x instanceof Sequence sx) {
                Sequence sy = (Sequence) y;
                assertEquals(sx.size(), sy.size(), where);
                for (int k = 0; k < sx.size(); k++) {
                    assertSameDataSet(sx.get(k), sy.get(k), where + " item " + k);
                }
            } else {
                byte[] bx = ((byte[]) x).clone();
                byte[] by = ((byte[]) y).clone();
                if (expected.bigEndian() != actual.bigEndian() && ve != VR.UN && va != VR.UN) {
                    org.arca.dicom.data.Values.swap(by, 0, by.length, ve.swapUnit());
                } else if (ve != va && (ve == VR.UN || va == VR.UN) && !java.util.Arrays.equals(bx, by)) {
                    // a private element DCMTK knows from a vendor dictionary (e.g. GEMS SL) was
                    // swapped by dcmconv; to us it is UN, whose bytes no one can swap
                    org.arca.dicom.data.Values.swap(by, 0, by.length, (ve == VR.UN ? va : ve).swapUnit());
                }
                assertArrayEquals(bx, by, where);
            }
        }
    }

    private static List<Integer> tags(Attributes a) {
        Integer[] t = new Integer[a.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = a.tagAt(i);
        }
        return List.of(t);
    }
}
