package org.arca.it.storage;

import org.arca.it.TestUsers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.arca.dicom.dict.Tag;

/**
 * Gets a study back out of the archive the three ways a viewer would: C-MOVE to DCMTK storescp
 * (STORESCP on 11113, the default configuration's peer), C-GET with DCMTK getscu, and WADO-URI;
 * each time bit-preserving, and compares every data set with the one sent.
 */
final class Retrieves {
    static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final HttpClient HTTP = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).connectTimeout(Duration.ofSeconds(5)).build();

    private Retrieves() {
    }

    /** C-MOVE, C-GET and WADO of {@code study} from {@code aet}: every instance byte-identical, three times. */
    static void allByteIdentical(TestStudy study, String aet, Path work) throws Exception {
        assertReceived(study, move(study.studyUid, aet, work.resolve("moved")), "C-MOVE");
        assertReceived(study, get(study.studyUid, aet, work.resolve("got")), "C-GET");
        for (Path f : study.files) {
            var h = TestStudy.header(f);
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/aets/" + aet
                    + "/wado?requestType=WADO&contentType=application/dicom&studyUID=" + study.studyUid
                    + "&seriesUID=" + h.getString(Tag.SeriesInstanceUID) + "&objectUID=" + h.getString(Tag.SOPInstanceUID)
                    + "&transferSyntax=" + TestStudy.meta(f).transferSyntaxUID()))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), new String(r.body()));
            assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(r.body(), f), "WADO of " + f.getFileName());
        }
    }

    static void assertReceived(TestStudy study, Path dir, String how) throws IOException {
        for (Path f : study.files) {
            String iuid = TestStudy.sopInstanceUid(f);
            Path got;
            try (Stream<Path> s = Files.list(dir)) {
                got = s.filter(p -> p.getFileName().toString().endsWith(iuid)).findFirst()
                        .orElseThrow(() -> new AssertionError(how + ": " + iuid + " not received in " + dir));
            }
            assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(got), how + " data set of " + iuid);
        }
    }

    static Path move(String study, String aet, Path dir) throws Exception {
        Files.createDirectories(dir);
        Process scp = start(List.of("storescp", "-aet", "STORESCP", "+B", "-od", dir.toString(), "11113"),
                dir.resolveSibling(dir.getFileName() + "-storescp.log"), 11113);
        try {
            dcmtk(dir.resolveSibling(dir.getFileName() + "-movescu.log"), "movescu", "-S", "-aec", aet, "-aem", "STORESCP",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", "11112");
        } finally {
            scp.destroy();
            if (!scp.waitFor(5, TimeUnit.SECONDS)) {
                scp.destroyForcibly();
            }
        }
        return dir;
    }

    static Path get(String study, String aet, Path dir) throws Exception {
        Files.createDirectories(dir);
        dcmtk(dir.resolveSibling(dir.getFileName() + "-getscu.log"), "getscu", "+B", "-S", "-aec", aet,
                "-od", dir.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study,
                "127.0.0.1", "11112");
        return dir;
    }

    private static void dcmtk(Path log, String... cmd) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin", cmd[0]))) {
            throw new AssertionError(cmd[0] + " missing: install the Debian package dcmtk");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd[0] + " timed out: " + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), cmd[0] + ": " + Files.readString(log));
    }

    private static Process start(List<String> cmd, Path log, int port) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin", cmd.get(0)))) {
            throw new AssertionError(cmd.get(0) + " missing: install the Debian package dcmtk");
        }
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LD_PRELOAD", org.arca.dicom.net.support.BindShim.path().toString()); // binds 127.0.0.1 only
        Process p = pb.start();
        long end = System.currentTimeMillis() + 20_000;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return p;
            } catch (IOException e) {
                if (!p.isAlive() || System.currentTimeMillis() > end) {
                    p.destroyForcibly();
                    throw new IOException(cmd.get(0) + " did not listen on " + port + ": " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }
}
