package org.arca.tools.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throw-away Orthanc (Debian 'orthanc') on free loopback ports with its storage in a temp
 * directory; {@code modalities} are the peers it may send to (C-MOVE destinations).
 */
public final class Orthanc implements AutoCloseable {
    public static final String AET = "ORTHANC";
    public final int dicomPort;
    public final int httpPort;
    private final Path dir;
    private final Peers.Server server;

    /** One C-MOVE destination. */
    public record Modality(String aet, int port) {
    }

    public Orthanc(Modality... modalities) throws Exception {
        String bin = Peers.bin("/usr/sbin/Orthanc", "orthanc");
        dir = Files.createTempDirectory("orthanc");
        dicomPort = Peers.freePort();
        httpPort = Peers.freePort();
        StringBuilder mods = new StringBuilder();
        for (Modality m : modalities) {
            mods.append(mods.length() == 0 ? "" : ", ").append('"').append(m.aet().toLowerCase()).append("\" : [ \"")
                    .append(m.aet()).append("\", \"127.0.0.1\", ").append(m.port()).append(" ]");
        }
        Files.writeString(dir.resolve("orthanc.json"), "{\n"
                + "  \"Name\" : \"arca-tools-test\",\n"
                + "  \"StorageDirectory\" : \"" + dir.resolve("db") + "\",\n"
                + "  \"IndexDirectory\" : \"" + dir.resolve("db") + "\",\n"
                + "  \"StorageCompression\" : false,\n"
                + "  \"Plugins\" : [ ],\n"
                + "  \"HttpServerEnabled\" : true,\n"
                + "  \"HttpPort\" : " + httpPort + ",\n"
                + "  \"RemoteAccessAllowed\" : false,\n"
                + "  \"AuthenticationEnabled\" : false,\n"
                + "  \"DicomServerEnabled\" : true,\n"
                + "  \"DicomAet\" : \"" + AET + "\",\n"
                + "  \"DicomPort\" : " + dicomPort + ",\n"
                + "  \"DicomCheckCalledAet\" : false,\n"
                + "  \"DicomAlwaysAllowEcho\" : true,\n"
                + "  \"DicomAlwaysAllowStore\" : true,\n"
                + "  \"DicomAlwaysAllowFind\" : true,\n"
                + "  \"DicomAlwaysAllowGet\" : true,\n"
                + "  \"DicomAlwaysAllowMove\" : true,\n"
                + "  \"DicomModalities\" : { " + mods + " },\n"
                + "  \"SaveJobs\" : false\n"
                + "}\n");
        server = Peers.startServer(dicomPort, List.of(bin, dir.resolve("orthanc.json").toString()), dir);
        awaitHttp();
    }

    /** The DICOM port may open before the REST API; wait (bounded) for /system. */
    private void awaitHttp() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/system"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not up yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Orthanc REST API did not come up:\n" + server.log());
    }

    public String log() throws Exception {
        return server.log();
    }

    @Override
    public void close() throws Exception {
        server.close();
        Peers.deleteTree(dir);
    }
}
