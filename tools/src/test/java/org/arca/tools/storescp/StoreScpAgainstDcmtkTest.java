package org.arca.tools.storescp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.tools.support.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same input, sent by DCMTK's dcmsend/storescu, to our storescp and to DCMTK's storescp
 * with the same options: same files, same names, same folders, and with +B the same bytes.
 */
class StoreScpAgainstDcmtkTest {
    private Path ours;
    private Path theirs;

    @BeforeEach
    void dirs() throws Exception {
        ours = Files.createTempDirectory("ours");
        theirs = Files.createTempDirectory("dcmtk");
    }

    @AfterEach
    void clean() throws Exception {
        Peers.deleteTree(ours);
        Peers.deleteTree(theirs);
    }

    /** DCMTK storescu sends {@code files} to both storescps started with {@code options} (+ -od). */
    private void sendToBoth(String[] options, String... storescuOptionsThenFiles) throws Exception {
        sendToBoth(options, new String[][] {storescuOptionsThenFiles});
    }

    /** Each of {@code runs} (storescu options, then files) as one storescu to ours, then to DCMTK's. */
    private void sendToBoth(String[] options, String[][] runs) throws Exception {
        try (ScpRunner.Ours scp = new ScpRunner.Ours(with(options, "-od", ours.toString()));
             Peers.Server dcmtk = ScpRunner.dcmtk(with(options, "-od", theirs.toString()))) {
            for (String[] run : runs) {
                for (int p : new int[] {scp.port(), dcmtk.port()}) {
                    List<String> cmd = new ArrayList<>();
                    cmd.add(Peers.dcmtk("storescu"));
                    int i = 0;
                    while (i < run.length && run[i].startsWith("-")) {
                        cmd.add(run[i++]);
                    }
                    cmd.add("127.0.0.1");
                    cmd.add(String.valueOf(p));
                    cmd.addAll(Arrays.asList(run).subList(i, run.length));
                    Peers.Result r = Peers.run(120, cmd.toArray(new String[0]));
                    assertEquals(0, r.exitCode(), r.output());
                }
            }
        }
    }

    private static String[] with(String[] a, String... more) {
        String[] r = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, r, a.length, more.length);
        return r;
    }

    @Test
    void bitPreservingWritesWhatDcmtkWrites() throws Exception {
        String[] options = {"+B", "+xa", "-pm", "-fe", ".dcm"};
        try (ScpRunner.Ours scp = new ScpRunner.Ours(with(options, "-od", ours.toString()));
             Peers.Server dcmtk = ScpRunner.dcmtk(with(options, "-od", theirs.toString()))) {
            for (int p : new int[] {scp.port(), dcmtk.port()}) {
                // each file in its own transfer syntax: the whole pydicom corpus, malformed ones included
                Peers.run(120, Peers.dcmtk("dcmsend"), "-nh", "+sd", "-aet", "SENDER", "-aec", "STORESCP",
                        "127.0.0.1", String.valueOf(p), Peers.SAMPLES.toString());
                // and DCMTK storescu, which proposes the uncompressed syntaxes
                Peers.run(60, Peers.dcmtk("storescu"), "-aet", "SENDER", "127.0.0.1", String.valueOf(p),
                        Peers.sample("MR_small_bigendian.dcm").toString(), Peers.sample("CT_small.dcm").toString());
            }
        }
        TreeSet<String> names = ScpRunner.files(theirs);
        // pydicom's variants of one image share their SOP Instance UID, so fewer names than files
        assertTrue(names.size() > 25, "DCMTK stored " + names.size());
        assertEquals(names, ScpRunner.files(ours));
        for (String name : names) {
            assertSameFile(ours.resolve(name), theirs.resolve(name));
        }
        System.out.println("[StoreScpAgainstDcmtkTest] +B files identical to DCMTK's: " + names.size());
    }

    /**
     * Data set bytes identical, meta information identical except what names the writer
     * (Implementation Class UID and Version Name, and so the group length).
     */
    static void assertSameFile(Path ours, Path theirs) throws Exception {
        byte[] a = Files.readAllBytes(ours);
        byte[] b = Files.readAllBytes(theirs);
        assertArrayEquals(Arrays.copyOfRange(b, metaEnd(b), b.length), Arrays.copyOfRange(a, metaEnd(a), a.length),
                "data set of " + ours.getFileName());
        assertEquals(metaWithoutWriter(theirs), metaWithoutWriter(ours), "meta information of " + ours.getFileName());
    }

    private static int metaEnd(byte[] f) {
        int groupLength = (f[140] & 0xFF) | (f[141] & 0xFF) << 8 | (f[142] & 0xFF) << 16 | (f[143] & 0xFF) << 24;
        return 144 + groupLength;
    }

    private static Attributes metaWithoutWriter(Path f) throws Exception {
        try (DicomInputStream in = new DicomInputStream(f)) {
            Attributes meta = in.readFileMetaInformation().attributes();
            meta.remove(0x00020000);
            meta.remove(0x00020012);
            meta.remove(0x00020013);
            return meta;
        }
    }

    /** Folder names with their timestamps replaced, so layouts made at different times compare. */
    private static TreeSet<String> layout(Path dir) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        for (String f : ScpRunner.files(dir)) {
            out.add(f.replaceAll("_\\d{8}_\\d{9}", "_<timestamp>"));
        }
        return out;
    }

    private void sortingLayoutIsDcmtks(String... sortOptions) throws Exception {
        // the CT study, then the MR study in a second association: the folders are named by the
        // millisecond a study began, and two studies within one millisecond share a folder
        // (DCMTK's and ours alike)
        sendToBoth(sortOptions, new String[][] {{Peers.sample("CT_small.dcm").toString()},
                {Peers.sample("MR_small.dcm").toString(), Peers.sample("MR_small_bigendian.dcm").toString()}});
        for (Path dir : new Path[] {theirs, ours}) {
            TreeSet<String> files = ScpRunner.files(dir);
            assertEquals(2, files.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().count(), files.toString());
        }
        assertEquals(layout(theirs), layout(ours));
    }

    @Test
    void sortConcStudiesLayout() throws Exception {
        sortingLayoutIsDcmtks("-ss", "STUDY");
        assertTrue(layout(ours).first().matches("STUDY_<timestamp>/(CT|MR)\\.[0-9.]+"), layout(ours).toString());
    }

    @Test
    void sortOnStudyUidLayout() throws Exception {
        sortingLayoutIsDcmtks("-su", "UID");
        assertEquals(ScpRunner.files(theirs), ScpRunner.files(ours));
    }

    @Test
    void sortOnPatientNameLayout() throws Exception {
        sortingLayoutIsDcmtks("-sp");
        assertTrue(layout(ours).first().startsWith("CompressedSamples_CT1_<timestamp>/CT."), layout(ours).toString());
    }

    @Test
    void timeNamesAndUniqueNamesLookLikeDcmtks() throws Exception {
        sendToBoth(new String[] {"-tn", "-fe", ".dcm"}, Peers.sample("CT_small.dcm").toString());
        assertTrue(ScpRunner.files(ours).first().matches("\\d{17}\\.CT\\.dcm"), ScpRunner.files(ours).toString());
        assertTrue(ScpRunner.files(theirs).first().matches("\\d{17}\\.CT\\.dcm"), ScpRunner.files(theirs).toString());
        clean();
        dirs();
        sendToBoth(new String[] {"+uf"}, Peers.sample("MR_small.dcm").toString());
        assertTrue(ScpRunner.files(ours).first().matches("MR\\.X\\.[0-9.]+"), ScpRunner.files(ours).toString());
        assertTrue(ScpRunner.files(theirs).first().matches("MR\\.X\\.[0-9.]+"), ScpRunner.files(theirs).toString());
    }

    @Test
    void explicitLittleEndianOutputEqualsDcmconv() throws Exception {
        sendToBoth(new String[] {"+te"}, "-xb", Peers.sample("MR_small_bigendian.dcm").toString());
        String name = ScpRunner.files(theirs).first();
        Path converted = ours.resolve("dcmconv.dcm");
        Peers.run(30, Peers.dcmtk("dcmconv"), "+te", Peers.sample("MR_small_bigendian.dcm").toString(), converted.toString());
        try (DicomInputStream in = new DicomInputStream(ours.resolve(name))) {
            assertEquals("1.2.840.10008.1.2.1", in.readFileMetaInformation().transferSyntaxUID());
        }
        byte[] a = Files.readAllBytes(ours.resolve(name));
        byte[] c = Files.readAllBytes(converted);
        assertArrayEquals(Arrays.copyOfRange(c, metaEnd(c), c.length), Arrays.copyOfRange(a, metaEnd(a), a.length));
    }
}
