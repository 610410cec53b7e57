package org.arca.it.export;

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
import java.util.List;

/**
 * Orthanc with its DICOMweb plugin (Debian orthanc, orthanc-dicomweb) as an export receiver:
 * its own folder under the test work dir, free loopback ports, the bind shim, TCP_NODELAY=1.
 */
public final class OrthancPeer implements AutoCloseable {

    static final String PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private final Process process;
    private final Path dir;
    public final int httpPort;

    private OrthancPeer(Process process, Path dir, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
    }

    public static OrthancPeer start(Path dir) throws Exception {
        for (String f : new String[] {"/usr/sbin/Orthanc", PLUGIN}) {
            if (!Files.exists(Path.of(f))) {
                fail(f + " is missing: install the Debian packages 'orthanc' and 'orthanc-dicomweb'");
            }
        }
        Files.createDirectories(dir);
        int http = freePort();
        int dicom = freePort();
        String config = """
                { "Name": "arca-export-orthanc", "StorageDirectory": "%1$s/db", "IndexDirectory": "%1$s/db",
                  "StorageCompression": false, "Plugins": [ "%2$s" ],
                  "HttpServerEnabled": true, "HttpPort": %3$d, "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false, "HttpCompressionEnabled": false,
                  "DicomServerEnabled": true, "DicomAet": "ORTHANC", "DicomPort": %4$d, "SaveJobs": false,
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": true, "WadoRoot": "/wado",
                                "Host": "127.0.0.1:%3$d", "Ssl": false } }
                """.formatted(dir, PLUGIN, http, dicom);
        Path conf = Files.writeString(dir.resolve("orthanc.json"), config);
        Process p = Peers.start(List.of("/usr/sbin/Orthanc", conf.toString()), dir.resolve("orthanc.log"), http);
        OrthancPeer o = new OrthancPeer(p, dir, http);
        for (int i = 0; i < 100 && o.get("/system").statusCode() != 200; i++) {
            Thread.sleep(50);
        }
        return o;
    }

    /** A client per request: Orthanc may close an idle keep-alive connection as a pooled client reuses it. */
    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The stored file of the instance with this SOP Instance UID; fails when Orthanc does not have it. */
    public byte[] instanceFile(String sopInstanceUid) throws Exception {
        HttpResponse<String> r = post("/tools/lookup", sopInstanceUid);
        jakarta.json.JsonArray ids = jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readArray();
        if (ids.size() != 1) {
            throw new AssertionError("Orthanc has " + ids.size() + " instances " + sopInstanceUid + ": " + r.body());
        }
        return getBytes("/instances/" + ids.getJsonObject(0).getString("ID") + "/file").body();
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("orthanc.log"));
    }

    @Override
    public void close() throws Exception {
        Peers.stop(process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
