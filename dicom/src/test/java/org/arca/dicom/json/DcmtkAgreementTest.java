package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.TestFiles;
import org.arca.dicom.xml.DicomXmlReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * DCMTK's dcm2json and dcm2xml --native-format, read with our readers, give the data set our
 * parser read from the file (compared by meaning, {@link SemanticDiff}), and so does our own
 * JSON and XML. Where DCMTK differs by its own choice, the test says so:
 * <ul>
 * <li>dcm2json transcodes text to UTF-8 and rewrites (0008,0005) to "ISO_IR 192" (PS3.18 F.2.2
 *     note 3 says it "reflects the source"; we keep the source's value). Compared as decoded
 *     strings, the values agree.
 * <li>dcm2xml cannot convert ISO 2022 IR 87/149 (Japanese, Korean) with glibc iconv, so files
 *     in those character sets are not compared with DCMTK here (SpecificCharacterSetTest
 *     covers our decoding of them against pydicom).
 * <li>dcm2xml writes binary values as BulkData uuid references by default; +Eb asks for
 *     InlineBinary, as we write.
 * <li>With +U8, dcm2xml adds (0008,0005) "ISO_IR 192" to a data set that had none; it is
 *     removed before comparing.
 * <li>dcm2xml (3.6.7) writes the InlineBinary of OW values big endian, whatever the file's
 *     byte order. PS3.19 A.1.5 only says "all rules of PS3.5 apply", and a Native DICOM Model
 *     document has no transfer syntax; we write little endian, as DICOM JSON InlineBinary is
 *     read by DICOMweb clients. DCMTK's OW values are swapped before comparing.
 * <li>Not compared in XML: chrX1.dcm and chrX2.dcm, where dcm2xml repeats the Ideographic
 *     Person Name group as Phonetic ("Wang^XiaoDong=王^小東" becomes "...=王^小東=王^小東");
 *     waveform_ecg.dcm, whose group 7001 has private elements without a creator, which
 *     dcm2xml writes without their block number (7001,1131 as 70010031), losing the tag;
 *     we keep such tags as they are.
 * <li>dcm2json exits with an error on JPEG2000.dcm and chrSQEncoding1.dcm, so these are not in
 *     the list; our round trip tests cover them.
 * <li>Both drop Person Name values made only of delimiters ("^^^^"): compared as
 *     {@link Canonical#ofXml} gives them (PS3.5 6.2 lets trailing empty components go).
 * </ul>
 */
class DcmtkAgreementTest {

    private static final Path DCM2JSON = Path.of("/usr/bin/dcm2json");
    private static final Path DCM2XML = Path.of("/usr/bin/dcm2xml");
    private static final String[] FILES = {
        "CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "MR_small_bigendian.dcm", "image_dfl.dcm",
        "waveform_ecg.dcm",
        "chrFren.dcm", "chrGerm.dcm", "chrGreek.dcm", "chrRuss.dcm", "chrArab.dcm", "chrHbrw.dcm",
        "chrX1.dcm", "chrX2.dcm"};

    private static final java.util.Set<String> XML_NOT_COMPARED = java.util.Set.of("chrX1.dcm", "chrX2.dcm", "waveform_ecg.dcm");

    @TestFactory
    List<DynamicTest> agreement() {
        Assumptions.assumeTrue(TestFiles.available() && Files.isExecutable(DCM2JSON) && Files.isExecutable(DCM2XML),
                "pydicom test files or DCMTK not installed");
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FILES) {
            Path file = TestFiles.TEST_FILES.resolve(name);
            Path p = Files.exists(file) ? file : TestFiles.CHARSET_FILES.resolve(name);
            tests.add(DynamicTest.dynamicTest(name + " json", () -> json(p)));
            if (!XML_NOT_COMPARED.contains(name)) {
                tests.add(DynamicTest.dynamicTest(name + " xml", () -> xml(p)));
            }
        }
        return tests;
    }

    private static void json(Path file) throws Exception {
        Attributes original = RoundTripFiles.read(file, Long.MAX_VALUE);
        Attributes expected = Canonical.ofXml(original);
        Attributes dcmtk = new DicomJsonReader(new ByteArrayInputStream(run(DCM2JSON.toString(), file.toString())))
                .readDataset();
        assertNull(SemanticDiff.first(expected, dcmtk), "dcm2json");
        Attributes ours = JsonRoundTripTest.read(JsonRoundTripTest.write(original, BulkDataPolicy.inline()));
        assertNull(SemanticDiff.first(expected, Canonical.ofXml(ours)), "our JSON");
    }

    private static void xml(Path file) throws Exception {
        Attributes original = RoundTripFiles.read(file, Long.MAX_VALUE);
        byte[] out = run(DCM2XML.toString(), "--native-format", "+Eb", "+U8", file.toString());
        Attributes dcmtk = new DicomXmlReader(new ByteArrayInputStream(out)).readDataset();
        if (!original.contains(0x00080005)) {
            dcmtk.remove(0x00080005);
        }
        swapOW(dcmtk);
        assertNull(SemanticDiff.first(Canonical.ofXml(original), dcmtk), "dcm2xml --native-format");
    }

    /** Undoes dcm2xml's big-endian OW InlineBinary, in place, items included. */
    private static void swapOW(Attributes a) {
        for (int i = 0; i < a.size(); i++) {
            if (a.valueAt(i) instanceof org.arca.dicom.data.Sequence seq) {
                seq.forEach(DcmtkAgreementTest::swapOW);
            } else if (a.vrAt(i) == org.arca.dicom.data.VR.OW && a.valueAt(i) instanceof byte[] b) {
                org.arca.dicom.data.Values.swap(b, 0, b.length, 2);
            }
        }
    }

    static byte[] run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), String.join(" ", command));
        return out;
    }
}
