package org.arca.tools.scu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.arca.dicom.io.DicomInputStream;
import org.arca.tools.echoscu.EchoScu;
import org.arca.tools.findscu.FindScu;
import org.arca.tools.storescu.StoreScu;
import org.arca.tools.support.Orthanc;
import org.arca.tools.support.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our storescu, echoscu and findscu against DCMTK's storescp and against Orthanc. */
class ScuAgainstPeersTest {
    private static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = Files.createTempDirectory("scu");
    }

    @AfterEach
    void clean() throws Exception {
        Peers.deleteTree(dir);
    }

    /** Runs a tool's main logic here; returns exit code and stdout. */
    private record Run(int exitCode, String out) {
    }

    private interface Tool {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Run run(Tool tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = tool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return new Run(rc, out.toString(StandardCharsets.UTF_8));
    }

    private static byte[] dataSet(byte[] file) {
        int groupLength = (file[140] & 0xFF) | (file[141] & 0xFF) << 8 | (file[142] & 0xFF) << 16 | (file[143] & 0xFF) << 24;
        return Arrays.copyOfRange(file, 144 + groupLength, file.length);
    }

    @Test
    void storescuSendsEachFileUnchangedToDcmtkStorescp() throws Exception {
        int port = Peers.freePort();
        List<String> names = List.of("CT_small.dcm", "MR_small_bigendian.dcm", "rtplan.dcm", "JPEG2000.dcm",
                "SC_rgb_rle.dcm", "image_dfl.dcm");
        Path in = Files.createDirectory(dir.resolve("in"));
        for (String n : names) {
            Files.copy(Peers.sample(n), in.resolve(n));
        }
        Files.writeString(in.resolve("README.txt"), "not DICOM");
        Path out = Files.createDirectory(dir.resolve("out"));
        try (Peers.Server scp = Peers.startServer(port, List.of(Peers.dcmtk("storescp"), "+B", "+xa", "-aet", "STORESCP",
                "-od", out.toString(), String.valueOf(port)), null)) {
            Run r = run(StoreScu::run, "-aec", "STORESCP", "127.0.0.1", String.valueOf(port), in.toString());
            assertEquals(1, r.exitCode(), "the text file is reported as not sent: " + r.out());
            assertEquals(names.size(), r.out().lines().filter(l -> l.endsWith(": Success (0000)")).count(), r.out());
            assertTrue(r.out().contains("README.txt: not sent"), r.out());
            String log = scp.log();
            assertTrue(log.isEmpty() || !log.contains("E:"), log);
        }
        // every file arrived; those in the syntax of the file (all but what DCMTK's +xa preferred in
        // explicit little endian) with the data set bytes of the file
        List<Path> stored;
        try (var s = Files.list(out)) {
            stored = s.sorted().toList();
        }
        assertEquals(names.size(), stored.size());
        int unchanged = 0;
        for (Path p : stored) {
            try (DicomInputStream got = new DicomInputStream(p)) {
                String iuid = got.readFileMetaInformation().mediaStorageSOPInstanceUID();
                String ts = got.fileMetaInformation().transferSyntaxUID();
                Path source = names.stream().map(Peers::sample).filter(f -> iuid.equals(metaOf(f)[0])).findFirst().orElseThrow();
                if (ts.equals(metaOf(source)[1])) {
                    byte[] expected = dataSet(Files.readAllBytes(source));
                    if ((expected.length & 1) == 1) {
                        expected = Arrays.copyOf(expected, expected.length + 1);  // deflated stream padded to even length
                    }
                    assertArrayEquals(expected, dataSet(Files.readAllBytes(p)), source.toString());
                    unchanged++;
                }
            }
        }
        assertTrue(unchanged >= 4, "compressed, deflated and explicit LE files go unchanged: " + unchanged);
    }

    private static String[] metaOf(Path f) {
        try (DicomInputStream in = new DicomInputStream(f)) {
            var fmi = in.readFileMetaInformation();
            return new String[] {fmi.mediaStorageSOPInstanceUID(), fmi.transferSyntaxUID()};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void storescuConvertsWhenTheOwnSyntaxIsNotAccepted() throws Exception {
        int port = Peers.freePort();
        try (Peers.Server scp = Peers.startServer(port, List.of(Peers.dcmtk("storescp"), "+B", "+xi", "-od", dir.toString(),
                String.valueOf(port)), null)) {
            Run r = run(StoreScu::run, "127.0.0.1", String.valueOf(port), Peers.sample("MR_small_bigendian.dcm").toString(),
                    Peers.sample("JPEG2000.dcm").toString());
            assertTrue(r.out().contains("MR_small_bigendian.dcm: Success (0000)"), r.out());
            assertTrue(r.out().contains("JPEG2000.dcm: no accepted presentation context"), r.out());
        }
        Path mr;
        try (var s = Files.list(dir)) {
            mr = s.filter(p -> p.getFileName().toString().startsWith("MR.")).findFirst().orElseThrow();
        }
        Peers.Result dump = Peers.run(30, Peers.dcmtk("dcmdump"), "-M", "+P", "0002,0010", mr.toString());
        assertTrue(dump.output().contains("LittleEndianImplicit"), dump.output());
        Peers.Result ftest = Peers.run(30, Peers.dcmtk("dcmftest"), mr.toString());
        assertEquals(0, ftest.exitCode(), ftest.output());
    }

    @Test
    void echoscuAgainstDcmtkAndOrthanc() throws Exception {
        int port = Peers.freePort();
        try (Peers.Server scp = Peers.startServer(port, List.of(Peers.dcmtk("storescp"), "-od", dir.toString(),
                String.valueOf(port)), null);
             Orthanc orthanc = new Orthanc()) {
            assertEquals(0, run(EchoScu::run, "127.0.0.1", String.valueOf(port)).exitCode());
            assertEquals(0, run(EchoScu::run, "-aec", Orthanc.AET, "127.0.0.1", String.valueOf(orthanc.dicomPort)).exitCode());
            assertEquals(2, run(EchoScu::run, "127.0.0.1", String.valueOf(Peers.freePort())).exitCode(), "nobody listening");
        }
    }

    @Test
    void storescuThenFindscuAgainstOrthanc() throws Exception {
        try (Orthanc orthanc = new Orthanc()) {
            String port = String.valueOf(orthanc.dicomPort);
            Run store = run(StoreScu::run, "-aec", Orthanc.AET, "127.0.0.1", port,
                    Peers.sample("CT_small.dcm").toString(), Peers.sample("MR_small.dcm").toString());
            assertEquals(0, store.exitCode(), store.out());
            Run find = run(FindScu::run, "-S", "-aec", Orthanc.AET, "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID", "-k", "PatientName", "-k", "0008,0061", "127.0.0.1", port);
            assertEquals(0, find.exitCode(), find.out());
            assertTrue(find.out().contains("I: Find Response: 2 (Pending)"), find.out());
            assertTrue(find.out().contains("[CompressedSamples^CT1]"), find.out());
            assertTrue(find.out().contains("[" + CT_STUDY + "]"), find.out());
            assertTrue(find.out().contains("# Used TransferSyntax: Little Endian Explicit"), find.out());
            // DCMTK's findscu prints the same matches
            Peers.Result dcmtk = Peers.run(30, Peers.dcmtk("findscu"), "-S", "-aec", Orthanc.AET, "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID", "-k", "PatientName", "-k", "0008,0061", "127.0.0.1", port);
            assertEquals(count(dcmtk.output(), "Find Response:"), count(find.out(), "Find Response:"));
            Run one = run(FindScu::run, "-P", "-aec", Orthanc.AET, "-k", "QueryRetrieveLevel=PATIENT",
                    "-k", "PatientName=CompressedSamples^MR1", "-k", "PatientID", "127.0.0.1", port);
            assertEquals(1, count(one.out(), "Find Response:"), one.out());
            assertTrue(one.out().contains("[CompressedSamples^MR1]"), one.out());
        }
    }

    private static long count(String s, String what) {
        return s.lines().filter(l -> l.contains(what)).count();
    }

    @Test
    void unknownKeyIsAUsageError() {
        Run r = run(FindScu::run, "-S", "-k", "NoSuchKeyword=1", "127.0.0.1", "104");
        assertEquals(1, r.exitCode());
    }

    @Test
    void storescuReportsEachFileWhenThePeerRejectsSome() throws Exception {
        try (Orthanc orthanc = new Orthanc()) {
            // Orthanc goes silent on the truncated file (it waits for the rest): our DIMSE timeout
            // ends that association and the remaining files go on a new one
            Run r = run(StoreScu::run, "-td", "5", "-aec", Orthanc.AET, "127.0.0.1", String.valueOf(orthanc.dicomPort),
                    Peers.sample("CT_small.dcm").toString(), Peers.sample("MR_truncated.dcm").toString(),
                    Peers.sample("MR_small.dcm").toString());
            List<String> lines = r.out().lines().toList();
            assertEquals(3, lines.size(), r.out());
            assertTrue(lines.get(0).endsWith("CT_small.dcm: Success (0000)"), r.out());
            assertTrue(lines.get(1).contains("MR_truncated.dcm: Failure"), r.out());
            assertTrue(lines.get(2).endsWith("MR_small.dcm: Success (0000)"), "sent on a new association: " + r.out());
            assertEquals(1, r.exitCode());
        }
    }
}
