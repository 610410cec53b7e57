package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.PresentationContext;
import org.arca.dicom.net.support.TestScp;
import org.junit.jupiter.api.Test;

/**
 * An association without a reader thread ({@link ConnectionOptions#callerReads()}): the
 * invoking thread reads responses, the release reads the A-RELEASE-RP, and what a peer does in
 * between (abort, release collision) is seen there. DimseServicesTest runs its services both ways.
 */
class CallerReadsTest {
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private static AAssociateRQ rq() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("CALLERREADS");
        rq.calledAET("ARCA");
        rq.propose(Association.VERIFICATION, IMPLICIT);
        rq.propose(CT, IMPLICIT);
        return rq;
    }

    private static ConnectionOptions callerReads() {
        return new ConnectionOptions().callerReads(true);
    }

    @Test
    void echoStoresAndReleaseOnTheCallingThread() throws Exception {
        try (TestScp scp = new TestScp("ARCA", new ConnectionOptions().maxPduLength(4096)).start()) {
            long readersBefore = readerThreads();
            Association as = Association.connect("127.0.0.1", scp.port(), rq(), callerReads());
            assertTrue(readerThreads() <= readersBefore, "no reader thread started");
            assertEquals(0, as.echo());
            byte[] data = new byte[100_000];
            new java.util.Random(3).nextBytes(data);
            for (int i = 0; i < 20; i++) {
                assertEquals(0, as.store(CT, "1.2.3.cr." + i, IMPLICIT, DataWriter.of(data)).status());
            }
            as.release();
            assertNull(as.closeCause());
            assertFalse(as.isOpen());
            assertArrayEquals(data, scp.received("1.2.3.cr.19"));
        }
    }

    /** Reader threads of requestors calling "ARCA" (other tests' may still be draining). */
    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("dicom-assoc-ARCA-reader") && t.isAlive()).count();
    }

    @Test
    void peerAbortDuringAStoreFailsTheStore() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = peer.accept()) {
                    DataInputStream in = accept(s);
                    readPdu(in); // the C-STORE command
                    s.getOutputStream().write(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 0}); // A-ABORT, provider
                    while (in.read() >= 0) {
                        // until the requestor closes
                    }
                } catch (IOException ignored) {
                    // the requestor may reset
                }
            });
            acceptor.start();
            Association as = Association.connect("127.0.0.1", peer.getLocalPort(), rq(), callerReads());
            IOException e = assertThrows(IOException.class,
                    () -> as.store(CT, "1.2.3.ab", IMPLICIT, DataWriter.of(new byte[1 << 20])));
            assertTrue(e.getMessage().contains("A-ABORT"), e.getMessage());
            assertTrue(as.awaitClose(5000));
            acceptor.join(5000);
        }
    }

    @Test
    void releaseCollisionIsAnsweredByTheReleasingThread() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = peer.accept()) {
                    DataInputStream in = accept(s);
                    OutputStream out = s.getOutputStream();
                    assertEquals(5, readPdu(in)[0], "requestor's A-RELEASE-RQ");
                    out.write(new byte[] {5, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                    assertEquals(6, readPdu(in)[0], "requestor answers the collision with RP first");
                    out.write(new byte[] {6, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                    assertEquals(-1, in.read(), "requestor closes after our RP");
                } catch (IOException | AssertionError e) {
                    failure.set(e);
                }
            });
            acceptor.start();
            Association as = Association.connect("127.0.0.1", peer.getLocalPort(), rq(), callerReads());
            as.release();
            assertNull(as.closeCause());
            acceptor.join(5000);
            assertNull(failure.get());
        }
    }

    /** Reads the A-ASSOCIATE-RQ on {@code s} and accepts the first context. */
    private static DataInputStream accept(Socket s) throws IOException {
        s.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(s.getInputStream());
        readPdu(in);
        AAssociateAC ac = new AAssociateAC();
        ac.calledAET("ARCA");
        ac.callingAET("CALLERREADS");
        ac.addPresentationContext(PresentationContext.accepted(1, null, IMPLICIT));
        ac.addPresentationContext(PresentationContext.accepted(3, null, IMPLICIT));
        ac.userInformation().maxPduLength(16384).implClassUID("1.2.3.4");
        s.getOutputStream().write(ac.encode());
        return in;
    }

    private static byte[] readPdu(DataInputStream in) throws IOException {
        byte[] hdr = new byte[6];
        in.readFully(hdr);
        int len = ((hdr[2] & 0xFF) << 24) | ((hdr[3] & 0xFF) << 16) | ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
        byte[] pdu = Arrays.copyOf(hdr, 6 + len);
        in.readFully(pdu, 6, len);
        return pdu;
    }
}
