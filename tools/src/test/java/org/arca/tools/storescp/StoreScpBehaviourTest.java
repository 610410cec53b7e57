package org.arca.tools.storescp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.AssociationRejectedException;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.tools.support.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** storescp's commands, refusals, PixelMed as sender and TLS with DCMTK. */
class StoreScpBehaviourTest {
    private static final String CT_IUID = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = Files.createTempDirectory("storescp");
    }

    @AfterEach
    void clean() throws Exception {
        Peers.deleteTree(dir);
    }

    private static List<String> awaitLines(Path file, int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= n) {
                    return lines;
                }
            }
            Thread.sleep(50);
        }
        fail("expected " + n + " lines in " + file + (Files.exists(file) ? ": " + Files.readAllLines(file) : ""));
        return null;
    }

    @Test
    void execOnReceptionReplacesPlaceholdersLikeDcmtk() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path dcmtkOut = Files.createDirectory(dir.resolve("dcmtk"));
        String cmd = "echo \"#p|#f|#a|#c|#r\" >> ";
        try (ScpRunner.Ours scp = new ScpRunner.Ours("-od", out.toString(), "-xcr", cmd + dir.resolve("ours.log"));
             Peers.Server dcmtk = ScpRunner.dcmtk("-od", dcmtkOut.toString(), "-xcr", cmd + dir.resolve("dcmtk.log"))) {
            for (int p : new int[] {scp.port(), dcmtk.port()}) {
                Peers.run(30, Peers.dcmtk("storescu"), "-aet", "CALLER", "-aec", "CALLED", "127.0.0.1", String.valueOf(p),
                        Peers.sample("CT_small.dcm").toString());
            }
            String ours = awaitLines(dir.resolve("ours.log"), 1).get(0);
            String theirs = awaitLines(dir.resolve("dcmtk.log"), 1).get(0);
            assertEquals(out + "|CT." + CT_IUID + "|CALLER|CALLED|localhost", ours);
            assertEquals(theirs.replace(dcmtkOut.toString(), out.toString()), ours);
        }
    }

    @Test
    void execOnEndOfStudyRunsWhenTheStudyChangesAndAfterTheTimeout() throws Exception {
        Path log = dir.resolve("eos.log");
        try (ScpRunner.Ours scp = new ScpRunner.Ours("-od", dir.toString(), "-ss", "S", "-tos", "1",
                "-xcs", "echo \"#p|#a\" >> " + log)) {
            long t0 = System.nanoTime();
            Peers.run(30, Peers.dcmtk("storescu"), "-aet", "CALLER", "127.0.0.1", String.valueOf(scp.port()),
                    Peers.sample("CT_small.dcm").toString(), Peers.sample("MR_small.dcm").toString());
            List<String> lines = awaitLines(log, 2);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(Files.isRegularFile(Path.of(lines.get(0).split("\\|")[0]).resolve("CT." + CT_IUID)), lines.toString());
            assertTrue(lines.get(1).matches(".*/S_\\d{8}_\\d{9}\\|CALLER"), lines.toString());
            assertNotEquals(lines.get(0), lines.get(1));
            assertTrue(ms >= 1000, "second study ended by the 1 s timeout, not earlier: " + ms + " ms");
        }
    }

    @Test
    void refuseRejectsEveryAssociationLikeDcmtk() throws Exception {
        try (ScpRunner.Ours scp = new ScpRunner.Ours("-od", dir.toString(), "--refuse")) {
            AAssociateRQ rq = new AAssociateRQ();
            rq.propose(Association.VERIFICATION, "1.2.840.10008.1.2");
            try {
                Association.connect("127.0.0.1", scp.port(), rq, new ConnectionOptions()).abort();
                fail("association accepted");
            } catch (AssociationRejectedException e) {
                assertEquals(List.of(1, 1, 1), List.of(e.result(), e.source(), e.reason()));
            }
            Peers.Result echo = Peers.run(30, Peers.dcmtk("echoscu"), "127.0.0.1", String.valueOf(scp.port()));
            assertNotEquals(0, echo.exitCode());
            assertTrue(echo.output().contains("Association Rejected"), echo.output());
        }
    }

    @Test
    void rejectRefusesOnlyRequestsWithoutImplementationClassUid() throws Exception {
        try (ScpRunner.Ours scp = new ScpRunner.Ours("-od", dir.toString(), "--reject")) {
            assertEquals(0, Peers.run(30, Peers.dcmtk("echoscu"), "127.0.0.1", String.valueOf(scp.port())).exitCode());
            try (Socket s = new Socket("127.0.0.1", scp.port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(associateRqWithoutImplementationUid());
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] rj = new byte[10];
                in.readFully(rj);
                assertEquals(3, rj[0], "A-ASSOCIATE-RJ");
                assertArrayEquals(new byte[] {1, 1, 1}, new byte[] {rj[7], rj[8], rj[9]}, "result, source, reason");
            }
        }
    }

    /** An A-ASSOCIATE-RQ proposing Verification whose user information has only the max length. */
    private static byte[] associateRqWithoutImplementationUid() {
        List<Byte> b = new ArrayList<>();
        byte[] ctx = item(0x10, "1.2.840.10008.3.1.1.1".getBytes(StandardCharsets.US_ASCII));
        byte[] as = item(0x30, "1.2.840.10008.1.1".getBytes(StandardCharsets.US_ASCII));
        byte[] ts = item(0x40, "1.2.840.10008.1.2".getBytes(StandardCharsets.US_ASCII));
        byte[] pc = item(0x20, concat(new byte[] {1, 0, 0, 0}, as, ts));
        byte[] ui = item(0x50, item(0x51, new byte[] {0, 0, 0x40, 0}));
        byte[] fixed = new byte[68];
        fixed[1] = 1;
        System.arraycopy(pad("STORESCP"), 0, fixed, 4, 16);
        System.arraycopy(pad("NOIMPLUID"), 0, fixed, 20, 16);
        byte[] body = concat(fixed, ctx, pc, ui);
        byte[] pdu = new byte[6 + body.length];
        pdu[0] = 1;
        pdu[4] = (byte) (body.length >> 8);
        pdu[5] = (byte) body.length;
        System.arraycopy(body, 0, pdu, 6, body.length);
        return pdu;
    }

    private static byte[] pad(String ae) {
        return String.format("%-16s", ae).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] item(int type, byte[] value) {
        byte[] r = new byte[4 + value.length];
        r[0] = (byte) type;
        r[2] = (byte) (value.length >> 8);
        r[3] = (byte) value.length;
        System.arraycopy(value, 0, r, 4, value.length);
        return r;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, off, p.length);
            off += p.length;
        }
        return r;
    }

    @Test
    void pixelMedStoresIntoOurStorescp() throws Exception {
        String jar = Peers.bin("/usr/share/java/pixelmed.jar", "pixelmed-apps");
        try (ScpRunner.Ours scp = new ScpRunner.Ours("-od", dir.toString())) {
            Peers.Result r = Peers.run(60, "java", "-cp", jar, "com.pixelmed.network.StorageSOPClassSCU", "127.0.0.1",
                    String.valueOf(scp.port()), "STORESCP", "PIXELMED", Peers.sample("CT_small.dcm").toString());
            Path stored = dir.resolve("CT." + CT_IUID);
            assertTrue(Files.isRegularFile(stored), r.output() + "\n" + ScpRunner.files(dir));
            try (DicomInputStream in = new DicomInputStream(stored)) {
                assertEquals("PIXELMED", in.readFileMetaInformation().attributes().getString(0x00020016));
                assertEquals(CT_IUID, in.readDataset().getString(0x00080018));
            }
        }
    }

    @Test
    void tlsWithDcmtkStorescuAndOurEchoscu() throws Exception {
        Path keys = Files.createDirectory(dir.resolve("keys"));
        Path out = Files.createDirectory(dir.resolve("out"));
        Tls.makeKeys(keys);
        String[] tls = {"+tls", keys.resolve("server.key").toString(), keys.resolve("server.pem").toString(),
                "+cf", keys.resolve("ca.pem").toString()};
        try (ScpRunner.Ours scp = new ScpRunner.Ours(concatStrings(tls, "-od", out.toString()))) {
            Peers.Result r = Peers.run(30, Peers.dcmtk("storescu"), "+tls", keys.resolve("client.key").toString(),
                    keys.resolve("client.pem").toString(), "+cf", keys.resolve("ca.pem").toString(),
                    "127.0.0.1", String.valueOf(scp.port()), Peers.sample("CT_small.dcm").toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(Files.isRegularFile(out.resolve("CT." + CT_IUID)));
            int echo = org.arca.tools.echoscu.EchoScu.run(new String[] {"+tls", keys.resolve("client.key").toString(),
                    keys.resolve("client.pem").toString(), "+cf", keys.resolve("ca.pem").toString(), "-aec", "STORESCP",
                    "127.0.0.1", String.valueOf(scp.port())}, System.out, System.err);
            assertEquals(0, echo);
            // without a client certificate the handshake fails: peer certificates are required by default
            Peers.Result plain = Peers.run(30, Peers.dcmtk("echoscu"), "127.0.0.1", String.valueOf(scp.port()));
            assertNotEquals(0, plain.exitCode());
        }
    }

    private static String[] concatStrings(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
