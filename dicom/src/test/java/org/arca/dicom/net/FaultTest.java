package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.dicom.net.support.PduRecordingProxy;
import org.arca.dicom.net.support.TestScp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults: aborts mid-transfer, timers, garbage on the wire, PDU limits. */
class FaultTest {
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private TestScp scp;

    @BeforeEach
    void start() throws IOException {
        scp = new TestScp("ARCA", new ConnectionOptions().artimTimeout(500).idleTimeout(700).maxPduLength(4096)).start();
    }

    @AfterEach
    void stop() throws IOException {
        scp.close();
    }

    private static AAssociateRQ rq() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("FAULTSCU");
        rq.calledAET("ARCA");
        rq.propose(Association.VERIFICATION, IMPLICIT);
        rq.propose(CT, IMPLICIT);
        rq.userInformation().maxPduLength(16384).implClassUID("1.2.3.4");
        return rq;
    }

    @Test
    void abortInTheMiddleOfAStoreFailsTheHandlersStream() throws Exception {
        Association as = Association.connect("127.0.0.1", scp.port(), rq(), new ConnectionOptions());
        IOException e = assertThrows(IOException.class, () -> as.store(CT, "1.2.3.99", IMPLICIT, out -> {
            out.write(new byte[100_000]);
            as.abort();
            out.write(new byte[100_000]);
        }));
        assertNotNull(e);
        for (int i = 0; i < 100 && !scp.failedStreams.containsKey("1.2.3.99"); i++) {
            Thread.sleep(20);
        }
        IOException streamFailure = scp.failedStreams.get("1.2.3.99");
        assertNotNull(streamFailure, "the handler's InputStream failed instead of ending normally");
        assertTrue(streamFailure.getMessage().contains("A-ABORT"), streamFailure.getMessage());
        assertFalse(Files.exists(scp.dir.resolve("1.2.3.99")), "the partial file was removed");
        assertInstanceOf(AssociationAbortedException.class, as.closeCause());
    }

    @Test
    void storescuHonoursOurMaxPduLength() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        try (PduRecordingProxy proxy = new PduRecordingProxy(scp.port())) {
            Dcmtk.Result r = Dcmtk.run(30, "storescu", "-v", "-xe", "-pdu", "4096", "-aec", "ARCA", "127.0.0.1",
                    String.valueOf(proxy.port()), ct.file().toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Received Store Response (Success)"), r.output());
            assertTrue(PduRecordingProxy.maxPDataLength(proxy.toServer) <= 4096, proxy.toServer.toString());
            assertTrue(PduRecordingProxy.countPData(proxy.toServer) >= ct.dataSet().length / 4096);
            assertTrue(PduRecordingProxy.maxPDataLength(proxy.toClient) <= 4096);
        }
    }

    @Test
    void pDataLongerThanOurMaximumIsAbortedWithReason6() throws Exception {
        try (Socket s = rawAssociate()) {
            byte[] big = new byte[6 + 5000];
            big[0] = 4;
            big[2] = 0;
            big[4] = (byte) (5000 >> 8);
            big[5] = (byte) 5000;
            s.getOutputStream().write(big);
            assertAbort(s, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void garbageInsteadOfAPduIsAbortedAndTheServerKeepsServing() throws Exception {
        try (Socket s = new Socket("127.0.0.1", scp.port())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertAbort(s, AAbort.UNRECOGNIZED_PDU);
        }
        try (Socket s = rawAssociate()) {
            s.getOutputStream().write(new byte[] {4, 0, 0, 0, 0, 8, 0, 0, 0, 99, 1, 3, 0, 0});
            assertAbort(s, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        try (Socket s = rawAssociate()) {
            s.getOutputStream().write(rq().encode());
            assertAbort(s, AAbort.UNEXPECTED_PDU);
        }
        Dcmtk.Result r = Dcmtk.run(30, "echoscu", "-aec", "ARCA", "127.0.0.1", String.valueOf(scp.port()));
        assertEquals(0, r.exitCode(), "next association served: " + r.output());
    }

    @Test
    void silentPeerIsDroppedAfterArtimBeforeAssociation() throws Exception {
        try (Socket s = new Socket("127.0.0.1", scp.port())) {
            s.setSoTimeout(5000);
            long t0 = System.nanoTime();
            assertEquals(-1, s.getInputStream().read(), "closed without a PDU");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 400 && ms < 3000, "ARTIM 500 ms, took " + ms);
        }
    }

    @Test
    void idlePeerIsAbortedAfterTheIdleTimeout() throws Exception {
        try (Socket s = rawAssociate()) {
            long t0 = System.nanoTime();
            assertAbort(s, AAbort.REASON_NOT_SPECIFIED);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 600 && ms < 4000, "idle timeout 700 ms, took " + ms);
        }
    }

    @Test
    void releaseCollisionOnTheAcceptorSide() throws Exception {
        CountDownLatch established = new CountDownLatch(1);
        Association[] acceptorSide = new Association[1];
        scp.server.onAssociation(a -> {
            acceptorSide[0] = a;
            established.countDown();
        });
        try (Socket s = rawAssociate()) {
            assertTrue(established.await(5, TimeUnit.SECONDS));
            Exception[] failure = new Exception[1];
            Thread t = new Thread(() -> {
                try {
                    acceptorSide[0].release();
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            t.start();
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertArrayEquals(new byte[] {5, 0, 0, 0, 0, 4, 0, 0, 0, 0}, readPdu(in), "acceptor's A-RELEASE-RQ");
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {5, 0, 0, 0, 0, 4, 0, 0, 0, 0}); // ours crosses it: collision
            out.write(new byte[] {6, 0, 0, 0, 0, 4, 0, 0, 0, 0}); // the requestor answers first (PS3.8 Sta9)
            assertArrayEquals(new byte[] {6, 0, 0, 0, 0, 4, 0, 0, 0, 0}, readPdu(in), "then the acceptor's RP");
            s.close();
            t.join(5000);
            assertEquals(null, failure[0]);
            assertTrue(acceptorSide[0].awaitClose(5000));
            assertEquals(null, acceptorSide[0].closeCause());
        }
    }

    @Test
    void releaseCollisionOnTheRequestorSide() throws Exception {
        try (java.net.ServerSocket peer = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = peer.accept()) {
                    s.setSoTimeout(5000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    readPdu(in);
                    org.arca.dicom.net.pdu.AAssociateAC ac = new org.arca.dicom.net.pdu.AAssociateAC();
                    ac.calledAET("ARCA");
                    ac.callingAET("FAULTSCU");
                    ac.addPresentationContext(org.arca.dicom.net.pdu.PresentationContext.accepted(1, null, IMPLICIT));
                    ac.userInformation().maxPduLength(16384).implClassUID("1.2.3.4");
                    OutputStream out = s.getOutputStream();
                    out.write(ac.encode());
                    assertEquals(5, readPdu(in)[0], "requestor's A-RELEASE-RQ");
                    out.write(new byte[] {5, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                    assertEquals(6, readPdu(in)[0], "requestor answers the collision with RP first");
                    out.write(new byte[] {6, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                    assertEquals(-1, in.read(), "requestor closes after our RP");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            acceptor.start();
            Association as = Association.connect("127.0.0.1", peer.getLocalPort(), rq(), new ConnectionOptions());
            as.release();
            assertEquals(null, as.closeCause());
            acceptor.join(5000);
        }
    }

    private static byte[] readPdu(DataInputStream in) throws IOException {
        byte[] hdr = new byte[6];
        in.readFully(hdr);
        int len = ((hdr[2] & 0xFF) << 24) | ((hdr[3] & 0xFF) << 16) | ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
        byte[] pdu = Arrays.copyOf(hdr, 6 + len);
        in.readFully(pdu, 6, len);
        return pdu;
    }

    /** Opens an association by hand and returns the socket right after the A-ASSOCIATE-AC. */
    private Socket rawAssociate() throws IOException {
        Socket s = new Socket("127.0.0.1", scp.port());
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(rq().encode());
        DataInputStream in = new DataInputStream(s.getInputStream());
        assertEquals(2, in.readUnsignedByte(), "A-ASSOCIATE-AC");
        in.readUnsignedByte();
        in.readFully(new byte[in.readInt()]);
        return s;
    }

    private static void assertAbort(Socket s, int reason) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] pdu = new byte[10];
        in.readFully(pdu);
        assertEquals(7, pdu[0], "A-ABORT");
        assertEquals(reason == AAbort.REASON_NOT_SPECIFIED && pdu[8] == 0 ? 0 : 2, pdu[8], "source");
        assertEquals(reason, pdu[9], "reason");
        s.shutdownOutput();
        assertEquals(-1, in.read(), "then the connection closes");
    }

    @Test
    void dataWriterIsFragmentedToPeerMaximum() throws Exception {
        // our SCU to our SCP whose maximum is 4096: the SCP's strict length check would abort otherwise
        Association as = Association.connect("127.0.0.1", scp.port(), rq(), new ConnectionOptions());
        byte[] data = new byte[50_000];
        new java.util.Random(1).nextBytes(data);
        assertEquals(0, as.store(CT, "1.2.3.100", IMPLICIT, DataWriter.of(data)).status());
        as.release();
        assertArrayEquals(data, scp.received("1.2.3.100"));
    }
}
