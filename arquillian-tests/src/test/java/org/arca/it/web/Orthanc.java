package org.arca.it.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Orthanc with its DICOMweb plugin (Debian orthanc, orthanc-dicomweb) on free
 * loopback ports, config in a temporary directory, under the bind-to-loopback shim with
 * TCP_NODELAY=1; close() stops it and removes its directory.
 */
final class Orthanc implements AutoCloseable {
    private static final String PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private final Path dir;
    private final Process process;
    final String url;

    private Orthanc(Path dir, Process process, int httpPort) {
        this.dir = dir;
        this.process = process;
        this.url = "http://127.0.0.1:" + httpPort;
    }

    static Orthanc start() throws Exception {
        for (String f : new String[] {"/usr/sbin/Orthanc", PLUGIN}) {
            if (!Files.exists(Path.of(f))) {
                fail(f + " is missing: install the Debian packages 'orthanc' and 'orthanc-dicomweb'");
            }
        }
        int http = freePort();
        int dicom = freePort();
        Path dir = Files.createTempDirectory("arca-orthanc");
        String config = """
                { "Name": "arca-test-orthanc", "StorageDirectory": "%1$s/db", "IndexDirectory": "%1$s/db",
                  "StorageCompression": false, "Plugins": [ "%2$s" ],
                  "HttpServerEnabled": true, "HttpPort": %3$d, "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false, "HttpCompressionEnabled": false,
                  "DicomServerEnabled": true, "DicomAet": "ORTHANC", "DicomPort": %4$d, "SaveJobs": false, "HttpVerbose": true,
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": true, "WadoRoot": "/wado",
                                "Host": "127.0.0.1:%3$d", "Ssl": false } }
                """.formatted(dir, PLUGIN, http, dicom);
        Path conf = Files.writeString(dir.resolve("orthanc.json"), config);
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/Orthanc", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        pb.environment().put("LD_PRELOAD", bindShim().toString());
        Orthanc o = new Orthanc(dir, pb.start(), http);
        for (int i = 0; i < 200; i++) {
            try {
                if (o.get("/system").statusCode() == 200) {
                    return o;
                }
            } catch (IOException notYet) {
                if (!o.process.isAlive()) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        String log = Files.readString(dir.resolve("orthanc.log"));
        o.close();
        fail("Orthanc did not start on 127.0.0.1:" + http + ":\n" + log);
        return null;
    }

    /**
     * A client per request: Orthanc's HTTP server may close an idle keep-alive connection just as
     * a pooled client reuses it ("header parser received no bytes").
     */
    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Orthanc's own log, for failure messages. */
    String log() throws IOException {
        return Files.readString(dir.resolve("orthanc.log"));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, HttpRequest.BodyPublishers.ofString(json));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The LD_PRELOAD shim that keeps Orthanc on 127.0.0.1 (arca-dicom's test-jar). */
    private static Path bindShim() throws Exception {
        return org.arca.dicom.net.support.BindShim.path();
    }
}
