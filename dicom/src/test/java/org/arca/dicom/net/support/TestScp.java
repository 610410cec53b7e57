package org.arca.dicom.net.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.arca.dicom.net.ApplicationEntity;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.DicomServer;
import org.arca.dicom.net.TransferCapability;
import org.arca.dicom.net.dimse.Status;

/**
 * A storage SCP on our library for the tests: accepts any SOP class and transfer syntax,
 * writes each received data set as it streams in to {@code dir/<iuid>}, and remembers the
 * transfer syntax it came in. A failed stream deletes the partial file, as the archive will.
 */
public final class TestScp implements AutoCloseable {
    public final Path dir;
    public final ApplicationEntity ae;
    public final DicomServer server;
    public final Map<String, String> receivedTransferSyntax = new ConcurrentHashMap<>();
    public final Map<String, IOException> failedStreams = new ConcurrentHashMap<>();
    /** SOP Instance UID (from the C-STORE-RQ) of the last data set received completely. */
    public volatile String lastReceived;

    public TestScp(String aet, ConnectionOptions opts) throws IOException {
        dir = Files.createTempDirectory("arca-scp");
        ae = new ApplicationEntity(aet)
                .addTransferCapability(TransferCapability.scp(TransferCapability.ANY, TransferCapability.ANY))
                .addTransferCapability(TransferCapability.scu(TransferCapability.ANY, TransferCapability.ANY));
        ae.onStore((rq, data) -> {
            Path f = dir.resolve(rq.sopInstanceUID());
            try (OutputStream out = Files.newOutputStream(f)) {
                data.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(f);
                failedStreams.put(rq.sopInstanceUID(), e);
                throw e;
            }
            receivedTransferSyntax.put(rq.sopInstanceUID(), rq.transferSyntax());
            lastReceived = rq.sopInstanceUID();
            return Status.SUCCESS;
        });
        server = new DicomServer(opts).addApplicationEntity(ae);
    }

    public TestScp start() throws IOException {
        server.start(0);
        return this;
    }

    public int port() {
        return server.port();
    }

    public byte[] received(String iuid) throws IOException {
        return Files.readAllBytes(dir.resolve(iuid));
    }

    /** Reads the whole stream; used by handlers that only count. */
    public static long drain(InputStream in) throws IOException {
        return in.transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
