package org.arca.tools.dcmdump;

import org.junit.jupiter.api.Assertions;
import org.arca.dicom.io.TestFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our dcmdump against DCMTK's ({@code dcmdump -M +L}) on every file of pydicom's test data:
 * both accept or both reject a file, and for accepted files every line agrees on nesting,
 * tag, VR and length. The few systematic differences are normalised in {@link #same}, each
 * with its reason.
 */
class DcmtkDumpAgreementTest {

    private static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final Path DCMTK_DCMDUMP = Path.of("/usr/bin/dcmdump");
    /** indent, tag, VR, length (a number or u/l) of one dump line. */
    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) .*# *(u/l|\\d+), *\\S+ .*$");

    /** DCMTK accepts it, we reject it: see CorpusTest in the dicom module for why. */
    private static final Set<String> WE_REJECT = Set.of("DICOMDIR-nooffset");

    @TestFactory
    List<DynamicTest> agreesWithDcmtk() throws IOException {
        Assertions.assertTrue(Files.isExecutable(DCMTK_DCMDUMP) && Files.isDirectory(DATA),
                "DCMTK dcmdump or pydicom test files missing: install the Debian packages dcmtk and python3-pydicom");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpus()) {
            tests.add(DynamicTest.dynamicTest(TestFiles.name(file), () -> compare(file)));
        }
        return tests;
    }

    /** The corpus of the dicom module's tests: pydicom's files and the other sample sets. */
    private static List<Path> corpus() throws IOException {
        return TestFiles.corpus();
    }

    private static void compare(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(DCMTK_DCMDUMP.toString(), "-M", "+L", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        int theirStatus = p.waitFor();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int ourStatus = DcmDump.run(new String[] {"+L", file.toString()},
                new PrintStream(bytes, true, StandardCharsets.ISO_8859_1),
                new PrintStream(OutputStreamSink.INSTANCE));
        String ours = bytes.toString(StandardCharsets.ISO_8859_1);

        String name = file.getFileName().toString();
        if (WE_REJECT.contains(name)) {
            assertEquals(0, theirStatus, "DCMTK accepts " + name);
            assertEquals(1, ourStatus, "we reject " + name);
            return;
        }
        assertEquals(theirStatus == 0, ourStatus == 0, "accepted by DCMTK / by us");
        if (theirStatus != 0) {
            return;
        }
        boolean implicit = theirs.contains("Used TransferSyntax: Little Endian Implicit");
        List<String[]> a = elements(theirs);
        List<String[]> b = elements(ours);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int line = i;
            assertTrue(same(a.get(i), b.get(i), implicit),
                    () -> "element line " + line + ": DCMTK " + String.join(" ", a.get(line))
                            + " / ours " + String.join(" ", b.get(line)));
        }
        assertEquals(a.size(), b.size(), "number of element lines");
    }

    private static List<String[]> elements(String dump) {
        List<String[]> list = new ArrayList<>();
        for (String line : dump.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(1).isEmpty() && line.startsWith("(0000,0000) ??") && m.group(5).equals("0")) {
                // DCMTK reads zero padding after the data set as empty (0000,0000) elements and
                // keeps one; we end the data set there (DicomInputStream.trailingPadding)
                continue;
            }
            if (m.matches()) {
                list.add(new String[] {Integer.toString(m.group(1).length()), m.group(2) + "," + m.group(3),
                        m.group(4), m.group(5)});
            }
        }
        return list;
    }

    /** DCMTK's line {@code d} against ours {@code o}: indent, tag, VR, length. */
    static boolean same(String[] d, String[] o, boolean implicit) {
        if (!d[0].equals(o[0]) || !d[1].equals(o[1])) {
            return false;
        }
        if (!d[3].equals(o[3])) {
            // DCMTK pads an odd-length value it loads to even length and shows that length;
            // we show the length in the file (odd lengths violate PS3.5 7.1.1 but occur)
            boolean oddPadded = !o[3].equals("u/l") && !d[3].equals("u/l")
                    && Integer.parseInt(o[3]) % 2 == 1 && Integer.parseInt(d[3]) == Integer.parseInt(o[3]) + 1;
            if (!oddPadded) {
                return false;
            }
        }
        String dv = d[2];
        String ov = o[2];
        if (dv.equals("OB") && ov.equals("OW") && d[3].equals("u/l")) {
            return true; // DCMTK shows encapsulated pixel data as OB even when the header says OW
        }
        switch (dv) {
            case "??":
                dv = "UN"; // DCMTK's mark for an unknown tag read with implicit VR
                break;
            case "up":
                dv = "UL"; // DCMTK's internal VR for DICOMDIR offsets (UL in PS3.6)
                break;
            case "ox":
                return ov.equals("OB") || ov.equals("OW"); // "OB or OW" unresolved
            case "xs":
                return ov.equals("US") || ov.equals("SS"); // "US or SS" unresolved
            case "lt":
                return ov.equals("OW") || ov.equals("US"); // LUT data, "US or OW"
            default:
                break;
        }
        if (implicit && !dv.equals(ov)) {
            // Implicit VR: DCMTK also knows vendors' private dictionaries, we do not (UN);
            // and it resolves "US or SS" by Pixel Representation where we say US.
            boolean privateTag = (Integer.parseInt(d[1].substring(0, 4), 16) & 1) != 0;
            return (privateTag && ov.equals("UN")) || (dv.equals("SS") && ov.equals("US"));
        }
        return dv.equals(ov);
    }
}
