package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Identifiers;
import org.arca.dicom.net.support.Part10;
import org.arca.dicom.net.support.ReferenceStorescp;
import org.arca.dicom.net.support.TestScp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DCMTK findscu, movescu and getscu against query/retrieve handlers on our library. */
class DcmtkQueryRetrieveTest {
    private static final String STUDY_UID = "1.2.826.0.1.3680043.2.1125.1.1";
    private static TestScp scp;
    private static ReferenceStorescp storescp;
    private static Part10 ct;
    private static final AtomicReference<byte[]> lastKeys = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        storescp = new ReferenceStorescp("STORESCP");
        scp = new TestScp("ARCA", new ConnectionOptions());
        scp.ae.onFind((rq, keys, rsp) -> {
            lastKeys.set(keys);
            String ts = rq.transferSyntax();
            rsp.pending(study(ts, "DOE^JOHN", STUDY_UID));
            rsp.pending(study(ts, "ROE^JANE", STUDY_UID + ".2"));
            return Status.SUCCESS;
        });
        scp.ae.onMove((rq, keys, rsp) -> {
            if (!"STORESCP".equals(rq.moveDestination())) {
                throw new DicomServiceException(Status.MOVE_DESTINATION_UNKNOWN, "unknown " + rq.moveDestination());
            }
            AAssociateRQ arq = new AAssociateRQ();
            arq.callingAET("ARCA");
            arq.calledAET("STORESCP");
            arq.propose(ct.sopClassUID(), ct.transferSyntax());
            Association as = Association.connect("127.0.0.1", storescp.port, arq, new ConnectionOptions());
            try {
                int st = as.store(ct.sopClassUID(), ct.sopInstanceUID(), ct.transferSyntax(),
                        DataWriter.of(ct.dataSet()), rq.callingAET(), rq.messageID()).status();
                rsp.counts(0, st == Status.SUCCESS ? 1 : 0, st == Status.SUCCESS ? 0 : 1, 0);
            } finally {
                as.release();
            }
            return Status.SUCCESS;
        });
        scp.ae.onGet((rq, keys, rsp) -> {
            rsp.pending(1, 0, 0, 0);
            int st = rsp.store(ct.sopClassUID(), ct.sopInstanceUID(), ct.transferSyntax(), DataWriter.of(ct.dataSet()));
            rsp.counts(0, st == Status.SUCCESS ? 1 : 0, st == Status.SUCCESS ? 0 : 1, 0);
            return Status.SUCCESS;
        });
        scp.start();
    }

    private static byte[] study(String ts, String name, String uid) {
        return new Identifiers(ts).add(0x00080052, "CS", "STUDY").add(0x00100010, "PN", name)
                .add(0x0020000D, "UI", uid).bytes();
    }

    @AfterAll
    static void stop() throws Exception {
        scp.close();
        storescp.close();
    }

    @Test
    void findscuReceivesTwoPendingMatches() throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "findscu", "-v", "-S", "-aec", "ARCA", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientName=*", "-k", "StudyInstanceUID", "127.0.0.1", String.valueOf(scp.port()));
        assertEquals(0, r.exitCode(), r.output());
        String out = r.output();
        assertTrue(out.contains("DOE^JOHN") && out.contains("ROE^JANE"), out);
        assertTrue(out.contains("Received Final Find Response (Success)"), out);
        assertTrue(new String(lastKeys.get(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("*"),
                "the handler got the query keys");
    }

    @Test
    void movescuMakesUsStoreToDcmtkStorescp() throws Exception {
        storescp.takeReceived();
        Dcmtk.Result r = Dcmtk.run(30, "movescu", "-v", "-S", "-aec", "ARCA", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_UID,
                "127.0.0.1", String.valueOf(scp.port()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Final Move Response (Success)"), r.output());
        List<Part10> got = storescp.takeReceived();
        assertEquals(1, got.size(), storescp.log());
        assertEquals(ct.sopInstanceUID(), got.get(0).sopInstanceUID());
        assertArrayEquals(ct.dataSet(), got.get(0).dataSet(), "storescp stored the file's data set unchanged");
    }

    @Test
    void movescuToUnknownDestinationGetsA801() throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "movescu", "-v", "-S", "-aec", "ARCA", "-aem", "NOWHERE",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_UID,
                "127.0.0.1", String.valueOf(scp.port()));
        assertTrue(r.output().contains("Received Final Move Response (Refused: MoveDestinationUnknown)"), r.output());
    }

    @Test
    void getscuReceivesTheInstanceOverTheSameAssociation() throws Exception {
        Path out = Files.createTempDirectory("getscu");
        try {
            Dcmtk.Result r = Dcmtk.run(30, "getscu", "-v", "-S", "-aec", "ARCA", "-od", out.toString(),
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_UID,
                    "127.0.0.1", String.valueOf(scp.port()));
            assertEquals(0, r.exitCode(), r.output());
            List<Path> files;
            try (Stream<Path> s = Files.list(out)) {
                files = s.collect(Collectors.toList());
            }
            assertEquals(1, files.size(), r.output());
            Part10 got = Part10.read(files.get(0));
            assertEquals(ct.sopInstanceUID(), got.sopInstanceUID());
            assertNotNull(got.transferSyntax());
            assertEquals(dump(ct.file()), dump(files.get(0)), "getscu's file has the same data set as the original");
        } finally {
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(out);
        }
    }

    /**
     * dcmdump of the data set part, reduced to tags, VRs and values: getscu writes files in its
     * own length encoding (group lengths, delimited vs explicit-length sequences).
     */
    private static String dump(Path f) throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "dcmdump", "-q", f.toString());
        String ds = r.output().substring(r.output().indexOf("# Dicom-Data-Set"));
        return ds.lines().skip(2)
                .filter(l -> !l.contains("GroupLength") && !l.contains("(fffe,e00d)") && !l.contains("(fffe,e0dd)"))
                .map(l -> l.replaceAll("\\((Sequence|Item) with [^)]*\\)", "$1"))
                .map(l -> l.contains(" #") ? l.substring(0, l.lastIndexOf(" #")).trim() : l)
                .collect(Collectors.joining("\n"));
    }
}
