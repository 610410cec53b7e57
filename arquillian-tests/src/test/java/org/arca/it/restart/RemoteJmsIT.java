package org.arca.it.restart;

import org.arca.it.TestUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;

/**
 * With ARCA_JMS_URL the archive sends and consumes its export messages through a remote
 * Artemis broker (here one in the test JVM on a loopback port) instead of the embedded one.
 */
class RemoteJmsIT {

    private static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";

    @Test
    void exportMessagesGoThroughTheRemoteBroker() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        broker.start();
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("arca.restart.data.dir")).resolveSibling("remote-jms-data");
        Path log = Files.createDirectories(data.getParent()).resolve("remote-jms-server.log");
        HttpClient http = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).build();
        try (ArchiveProcess archive = ArchiveProcess.start(root, data, log, "ARCA_JMS_URL", "tcp://127.0.0.1:" + port)) {
            archive.awaitHealthy(Duration.ofMinutes(4));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE
                    + "/aets/DCM4CHEE/rs/studies/1.2.826.0.1.3680043.2.1143.2/export/STORESCP"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode(), r.body());
            long id = json(r.body()).getJsonNumber("taskID").longValue();
            JsonObject task = json(http.send(HttpRequest.newBuilder(URI.create(BASE + "/monitor/export/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Instant end = Instant.now().plusSeconds(60);
            while (task.getInt("numberOfAttempts") == 0 && Instant.now().isBefore(end)) {
                Thread.sleep(300);
                task = json(http.send(HttpRequest.newBuilder(URI.create(BASE + "/monitor/export/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            assertTrue(task.getInt("numberOfAttempts") >= 1, "consumed: " + task);
            assertTrue(messagesAddedToExport1(broker.getActiveMQServer()) >= 1,
                    "the message went through the remote broker's Export1 queue");
        } finally {
            broker.stop();
        }
    }

    private static long messagesAddedToExport1(ActiveMQServer server) {
        long added = 0;
        for (String name : new String[] {"Export1", "jms.queue.Export1"}) {
            Queue q = server.locateQueue(name);
            if (q != null) {
                added += q.getMessagesAdded();
            }
        }
        return added;
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
