package org.arca.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.TestFiles;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.dicom.net.support.ReferenceStorescp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample corpus (TestFiles.corpus(): pydicom's files, and the other sample sets when
 * arca.samples is set) sent by DCMTK dcmsend, once to DCMTK storescp +xa +B (the reference)
 * and once to the archive: every file gets the same outcome from both (accepted, refused, not
 * sent for want of a presentation context, not readable by dcmsend), unless named in
 * {@link #JUSTIFIED} with the reason. Then every instance both accepted comes back by C-GET
 * in the transfer syntax it was sent in, byte for byte what storescp received (+B keeps the
 * bytes as they came off the wire).
 */
@ExtendWith(ArquillianExtension.class)
class CorpusIT {

    /** Files whose outcome at the archive differs from storescp's, and why that is right. */
    private static final String UN_UIDS = "its UIDs are encoded with VR UN; DCMTK dcmsend then sends '31' (the"
            + " first value byte) as Affected SOP Class and Instance UID in the C-STORE-RQ: storescp stores without"
            + " looking, Arca refuses with A900 since the command contradicts the data set's SOP Instance UID";
    private static final Map<String, String> JUSTIFIED = Map.of(
            "rtdose_rle.dcm", UN_UIDS,
            "rtdose_rle_1frame.dcm", UN_UIDS);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("arca.ear")));
    }

    @Test
    void sameOutcomeAsStorescpAndRetrievedByteForByte() throws Exception {
        assertTrue(TestFiles.available(), "pydicom's sample files missing: install the Debian package python3-pydicom");
        List<Path> corpus = TestFiles.corpus();
        Path work = Path.of(System.getProperty("arca.root"), "arquillian-tests/target/core-it/corpus");
        Path ref = work.resolve("storescp");
        deleteTree(work);
        Files.createDirectories(ref);
        int port = ReferenceStorescp.freePort();
        DcmsendReport expected;
        DcmsendReport actual;
        try (Dcmtk.Server scp = Dcmtk.startServer(port, "storescp", "-aet", "STORESCP", "+xa", "+B",
                "-od", ref.toString(), String.valueOf(port))) {
            expected = send("STORESCP", port, work, "storescp", corpus);
        }
        actual = send(CoreScu.ARCHIVE, CoreScu.PORT, work, "arca", corpus);
        List<String> differences = new ArrayList<>();
        Map<String, Integer> sent = new HashMap<>();
        int accepted = 0;
        for (Path p : corpus) {
            String f = p.toString();
            String want = expected.outcome(f);
            String got = actual.outcome(f);
            boolean differs = !want.equals(got);
            if (differs != JUSTIFIED.containsKey(TestFiles.name(p))) {
                differences.add(TestFiles.name(p) + ": storescp " + want + ", Arca " + got
                        + (differs ? "" : " (listed as justified but the same)"));
            }
            DcmsendReport.Entry e = expected.byFile().get(f);
            if (e != null && e.sopInstanceUID() != null && !"not sent".equals(want)) {
                sent.merge(e.sopInstanceUID(), 1, Integer::sum);
            }
            accepted += "accepted".equals(want) ? 1 : 0;
        }
        assertEquals(List.of(), differences, "per-file outcome, storescp +xa vs Arca");
        assertTrue(accepted > 0, "storescp accepted nothing: " + work);

        // what came in goes out unchanged; an instance UID sent twice is skipped: storescp keeps
        // the last copy, Arca (overwrite policy NEVER) the first
        Map<String, Path> received = new HashMap<>();
        try (Stream<Path> s = Files.list(ref)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                // by the UID in the meta information (the command's) and the one in the data set
                received.put(Part10.read(p).sopInstanceUID(), p);
                try (DicomInputStream din = new DicomInputStream(p)) {
                    din.readFileMetaInformation();
                    String iuid = din.readDataset(Tag.PixelData).getString(Tag.SOPInstanceUID);
                    if (iuid != null) {
                        received.putIfAbsent(iuid, p);
                    }
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Path p : corpus) {
            DcmsendReport.Entry want = expected.byFile().get(p.toString());
            DcmsendReport.Entry got = actual.byFile().get(p.toString());
            if (want == null || got == null || !"accepted".equals(want.outcome()) || !"accepted".equals(got.outcome())
                    || sent.getOrDefault(want.sopInstanceUID(), 0) > 1) {
                continue;
            }
            String name = TestFiles.name(p);
            if (!want.networkTs().equals(got.networkTs())) {
                mismatches.add(name + ": sent in " + want.networkTs() + " to storescp, " + got.networkTs() + " to Arca");
                continue;
            }
            // dcmsend's report names the UID of the file's meta information; the command (and so
            // storescp's file name and Arca's index) carries the data set's, which may differ
            String iuid = dataSetUID(p, want.sopInstanceUID());
            Path refFile = received.get(iuid);
            if (refFile == null) {
                mismatches.add(name + ": storescp wrote no file for " + iuid);
                continue;
            }
            Part10 in = Part10.read(refFile);
            Attributes uids;
            try (DicomInputStream din = new DicomInputStream(refFile)) {
                din.readFileMetaInformation();
                uids = din.readDataset(Tag.PixelData);
            }
            try {
                byte[] out = CoreScu.getOne(uids.getString(Tag.StudyInstanceUID), uids.getString(Tag.SeriesInstanceUID),
                        iuid, want.sopClassUID(), want.networkTs());
                if (!Arrays.equals(in.dataSet(), out)) {
                    mismatches.add(name + ": C-GET returned " + (out == null ? "nothing" : out.length + " bytes")
                            + ", storescp received " + in.dataSet().length + " bytes, not the same");
                }
            } catch (Exception e) {
                mismatches.add(name + ": " + e.getMessage());
            }
            compared++;
        }
        assertEquals(List.of(), mismatches, "C-GET from Arca vs what storescp received");
        assertTrue(compared > 0, "nothing compared");
        System.out.println("CorpusIT: " + corpus.size() + " files, same outcome; " + compared
                + " instances retrieved byte-identical");
    }

    /**
     * dcmsend of all files over one association; the files it then reports "not sent" (the
     * association ended early, e.g. a peer aborted it) go once more, each on an association of its own.
     */
    private static DcmsendReport send(String aet, int port, Path work, String name, List<Path> files) throws Exception {
        DcmsendReport all = dcmsend(aet, port, work.resolve(name + ".txt"), files);
        List<Path> again = files.stream().filter(f -> "not sent".equals(all.outcome(f.toString()))).toList();
        for (int i = 0; i < again.size(); i++) {
            DcmsendReport one = dcmsend(aet, port, work.resolve(name + "-again-" + i + ".txt"), List.of(again.get(i)));
            all.byFile().putAll(one.byFile());
        }
        return all;
    }

    private static DcmsendReport dcmsend(String aet, int port, Path report, List<Path> files) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Dcmtk.bin("dcmsend"), "-nh", "+f", "-dn", "-aec", aet,
                "+crf", report.toString(), "127.0.0.1", String.valueOf(port)));
        files.forEach(f -> cmd.add(f.toString()));
        Dcmtk.Result r = Dcmtk.exec(600, cmd);
        if (!Files.exists(report)) {
            // nothing readable among the files: dcmsend reports nothing
            assertTrue(files.size() == 1, "dcmsend wrote no report (exit " + r.exitCode() + "):\n" + r.output());
            return new DcmsendReport(new java.util.LinkedHashMap<>());
        }
        return DcmsendReport.read(report);
    }

    private static String dataSetUID(Path file, String orElse) {
        try (DicomInputStream din = new DicomInputStream(file)) {
            din.readFileMetaInformation();
            String iuid = din.readDataset(Tag.PixelData).getString(Tag.SOPInstanceUID);
            return iuid != null ? iuid : orElse;
        } catch (Exception e) {
            return orElse;
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
