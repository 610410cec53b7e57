package org.arca.it.restart;

import org.arca.it.TestUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.arca.ldap.interop.Slapd;
import org.junit.jupiter.api.Test;

/**
 * The archive on OpenLDAP (ARCA_LDAP_URL) loaded the way an administrator does it: our schema
 * as cn=config, our three data files, then the dcm4chee wiki's LDIF unchanged. After a reload
 * the wiki's storage and exporter are in the device and the exporter can be used; a wrong value
 * added later is reported with DN and attribute while the rest keeps working.
 */
class ExternalLdapIT {

    private static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final String DEVICE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    private final HttpClient http = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).build();

    @Test
    void wikiLdifLoadedIntoOpenLdapWorksAfterReload() throws Exception {
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("arca.restart.data.dir")).resolveSibling("external-ldap");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Slapd slapd = Slapd.start(Files.createDirectories(work.resolve("slapd")), port)) {
            for (Path schema : sorted(root.resolve("ldap/slapd"), "*.ldif")) {
                slapd.ldapadd("cn=config", schema).orFail("ldapadd " + schema);
            }
            for (String data : List.of("init-baseDN.ldif", "init-config.ldif", "default-config.ldif")) {
                slapd.ldapadd(Slapd.MANAGER, root.resolve("ldap").resolve(data)).orFail("ldapadd " + data);
            }
            try (ArchiveProcess archive = ArchiveProcess.start(root, work.resolve("data"), work.resolve("server.log"),
                    "ARCA_LDAP_URL", slapd.url() + "/dc=dcm4che,dc=org", "ARCA_LDAP_PASSWORD", Slapd.PASSWORD)) {
                archive.awaitHealthy(Duration.ofMinutes(4));
                assertTrue(get("/health").body().contains(slapd.url()), "health names the external server");
                assertEquals(404, exportTo("StowExporter").statusCode(), "not configured yet");

                slapd.ldapadd(Slapd.MANAGER, seed("wiki-amazon-s3-storage.ldif")).orFail("seed 000 storage");
                slapd.ldapadd(Slapd.MANAGER, seed("wiki-stow-exporter.ldif")).orFail("seed 001 exporter");
                String reload = post("/ctrl/reload").body();
                assertTrue(reload.contains("\"errors\":[]"), reload);
                String device = get("/devices/dcm4chee-arc").body();
                assertTrue(device.contains("\"dcmStorageID\":\"amazon-s3\""), device);
                assertTrue(device.contains("\"dcmExporterID\":\"StowExporter\""), device);
                assertEquals(202, exportTo("StowExporter").statusCode(), "the new exporter works after reload");

                // seed 000's StoreToS3 block as printed, with the wiki's "cn=DICOMConfiguration"
                slapd.ldapadd(Slapd.MANAGER, seed("wiki-store-to-s3-exporter.ldif")).orFail("seed 000 exporter");
                reload = post("/ctrl/reload").body();
                assertTrue(reload.contains("read as dcmExporterID=StoreToS3," + DEVICE), reload);
                device = get("/devices/dcm4chee-arc").body();
                assertTrue(device.contains("\"dcmExporterID\":\"StoreToS3\""), device);

                slapd.ldapadd(Slapd.MANAGER, String.join("\n",
                        "dn: dcmExporterID=Broken,dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org",
                        "objectClass: dcmExporter", "dcmExporterID: Broken", "dcmURI: ftp:somewhere",
                        "dcmQueueName: Export1", "")).orFail("broken exporter");
                reload = post("/ctrl/reload").body();
                assertTrue(reload.contains("dcmExporterID=Broken," + DEVICE), reload);
                assertTrue(reload.contains("\"attribute\":\"dcmURI\""), reload);
                assertFalse(get("/devices/dcm4chee-arc").body().isEmpty());
                assertEquals(404, exportTo("Broken").statusCode(), "the bad entry is left out");
                assertEquals(202, exportTo("StowExporter").statusCode(), "the rest keeps working");
                assertEquals(200, get("/health").statusCode());

                slapd.close(); // the LDAP server goes away: health says so and names it
                HttpResponse<String> down = get("/health");
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.body().contains("\"down\":\"ldap\""), down.body());
            }
        }
    }

    private static List<Path> sorted(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = ExternalLdapIT.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> exportTo(String exporter) throws Exception {
        return post("/aets/DCM4CHEE/rs/studies/1.2.826.0.1.3680043.2.1143.3/export/" + exporter);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
