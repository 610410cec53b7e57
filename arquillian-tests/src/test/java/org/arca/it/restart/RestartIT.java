package org.arca.it.restart;

import org.arca.it.ConfigEntries;
import org.arca.it.TestUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A stop and start of the archive keeps what was written: the export task row, its JMS
 * message that was not yet due, and a change made in the embedded LDAP.
 */
class RestartIT {

    private static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final String DEVICE_DN = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    private final HttpClient http = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).build();

    @Test
    void restartKeepsDatabaseRowPendingMessageAndLdapEntry() throws Exception {
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("arca.restart.data.dir"));
        Path log = Files.createDirectories(data.getParent()).resolve("restart-server.log");
        String marker = "restart probe " + UUID.randomUUID();
        long taskId;
        Instant due;

        try (ArchiveProcess archive = ArchiveProcess.start(root, data, log)) {
            archive.awaitHealthy(Duration.ofMinutes(4));
            // Due soon (counted once the archive is up: a start takes a minute on a loaded
            // machine): whether it falls due during the restart or after, only the broker's
            // copy of the message can make the consumer run it after the restart.
            due = Instant.now().plusSeconds(15);
            setDeviceDescription(marker);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE
                    + "/aets/DCM4CHEE/rs/studies/1.2.826.0.1.3680043.2.1143.1/export/STORESCP?scheduledTime=" + due))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode(), r.body());
            taskId = json(r.body()).getJsonNumber("taskID").longValue();
            assertEquals(0, task(taskId).getInt("numberOfAttempts"), "not due yet, so not consumed yet");
        }

        try (ArchiveProcess archive = ArchiveProcess.start(root, data, log)) {
            archive.awaitHealthy(Duration.ofMinutes(4));
            assertEquals(marker, deviceDescription(), "LDAP change survived the restart");
            JsonObject task = task(taskId);
            assertEquals("STORESCP", task.getString("ExporterID"), "task row survived the restart");
            // Only the message can make the consumer touch the task, so an attempt after the
            // restart proves the broker kept the message that was not yet due.
            Instant end = (due.isAfter(Instant.now()) ? due : Instant.now()).plusSeconds(120);
            while (task.getInt("numberOfAttempts") == 0 && Instant.now().isBefore(end)) {
                Thread.sleep(500);
                task = task(taskId);
            }
            assertTrue(task.getInt("numberOfAttempts") >= 1, "pending message consumed after restart: " + task);
        }
    }

    private JsonObject task(long id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/monitor/export/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body());
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static void setDeviceDescription(String value) throws Exception {
        ConfigEntries.replace(DEVICE_DN, "dicomDescription", value);
    }

    private static String deviceDescription() throws Exception {
        return ConfigEntries.value(DEVICE_DN, "dicomDescription");
    }
}
