package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.dicom.net.support.ReferenceStorescp;
import org.arca.dicom.net.support.TestScp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS (BCP 195 profile) with PEM keys made by openssl, between us and with DCMTK. */
class TlsTest {
    private static Path dir;
    private static TestScp scp;

    @BeforeAll
    static void keys() throws Exception {
        dir = Files.createTempDirectory("arca-tls");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Arca Test CA");
        for (String who : new String[] {"server", "client"}) {
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + ".key", "-out", who + ".csr",
                    "-subj", "/CN=" + who);
            openssl("x509", "-req", "-in", who + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", who + ".pem", "-days", "2");
        }
        // the client key in traditional PKCS#1 form, to exercise both PEM key formats
        openssl("rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key");
        scp = new TestScp("ARCA", new ConnectionOptions().tls(tls("server.key", "server.pem"))).start();
    }

    private static TlsSettings tls(String key, String cert) throws Exception {
        return TlsSettings.fromPem(dir.resolve(key), dir.resolve(cert), dir.resolve("ca.pem"));
    }

    private static void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("openssl failed (Debian package 'openssl'): " + new String(p.getInputStream().readAllBytes()));
        }
    }

    @AfterAll
    static void cleanup() throws IOException {
        scp.close();
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static AAssociateRQ rq(String called, Part10 f) {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("TLSSCU");
        rq.calledAET(called);
        rq.propose(Association.VERIFICATION, "1.2.840.10008.1.2");
        if (f != null) {
            rq.propose(f.sopClassUID(), f.transferSyntax());
        }
        return rq;
    }

    @Test
    void ourScuAndScpOverMutualTls() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        Association as = Association.connect("127.0.0.1", scp.port(), rq("ARCA", ct),
                new ConnectionOptions().tls(tls("client-pkcs1.key", "client.pem")));
        assertTrue(TlsSettings.BCP195_PROTOCOLS.contains(as.tlsSession().getProtocol()), as.tlsSession().getProtocol());
        assertTrue(TlsSettings.BCP195_CIPHER_SUITES.contains(as.tlsSession().getCipherSuite()));
        assertEquals(Status.SUCCESS, as.echo());
        assertEquals(Status.SUCCESS, as.store(ct.sopClassUID(), ct.sopInstanceUID(), ct.transferSyntax(),
                DataWriter.of(ct.dataSet())).status());
        as.release();
        assertArrayEquals(ct.dataSet(), scp.received(ct.sopInstanceUID()));
    }

    @Test
    void clientWithoutCertificateOrWithoutTlsIsRefused() throws Exception {
        TlsSettings anonymous = new TlsSettings(PemKeys.sslContext(null, null, dir.resolve("ca.pem")));
        assertThrows(IOException.class, () -> Association.connect("127.0.0.1", scp.port(), rq("ARCA", null),
                new ConnectionOptions().tls(anonymous)));
        assertThrows(IOException.class, () -> Association.connect("127.0.0.1", scp.port(), rq("ARCA", null),
                new ConnectionOptions().acseTimeout(2000)));
    }

    @Test
    void dcmtkEchoscuOverTlsBcp195() throws Exception {
        Dcmtk.Result r = Dcmtk.run(30, "echoscu", "-v", "+tls", dir.resolve("client.key").toString(),
                dir.resolve("client.pem").toString(), "+cf", dir.resolve("ca.pem").toString(), "+px",
                "-aec", "ARCA", "127.0.0.1", String.valueOf(scp.port()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @Test
    void ourScuToDcmtkStorescpOverTls() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        try (ReferenceStorescp storescp = new ReferenceStorescp("STORESCP", "+tls", dir.resolve("server.key").toString(),
                dir.resolve("server.pem").toString(), "+cf", dir.resolve("ca.pem").toString())) {
            Association as = Association.connect("127.0.0.1", storescp.port, rq("STORESCP", ct),
                    new ConnectionOptions().tls(tls("client.key", "client.pem")));
            assertEquals(Status.SUCCESS, as.store(ct.sopClassUID(), ct.sopInstanceUID(), ct.transferSyntax(),
                    DataWriter.of(ct.dataSet())).status());
            as.release();
            assertArrayEquals(ct.dataSet(), storescp.takeReceived().get(0).dataSet());
        }
    }
}
