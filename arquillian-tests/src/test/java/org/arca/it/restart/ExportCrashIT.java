package org.arca.it.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arca.it.export.ArchiveRest;
import org.arca.it.export.LdapEntries;
import org.arca.it.export.Peers;
import org.arca.it.export.SlowStowReceiver;
import org.arca.it.export.TestStudy;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the archive while it exports: one task IN PROCESS towards a slow STOW-RS receiver,
 * two due and waiting behind it on the same queue, one not yet due. After the restart every
 * task completes exactly once: each COMPLETED, one task row per study, each study received
 * whole, and only the interrupted one re-sends instances (at-least-once delivery allows that).
 */
class ExportCrashIT {

    private static final int PORT = 8092;

    @Test
    void everyTaskCompletesOnceAfterAKillDuringExport() throws Exception {
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("arca.restart.data.dir"));
        Path log = Files.createDirectories(data.getParent()).resolve("export-crash-server.log");
        Path work = Peers.work("crash-" + System.nanoTime());
        TestStudy running = new TestStudy().add(work.resolve("a"), "CT_small.dcm", 6);
        TestStudy waiting1 = new TestStudy().add(work.resolve("b"), "MR_small.dcm", 2);
        TestStudy waiting2 = new TestStudy().add(work.resolve("c"), "CT_small.dcm", 1);
        TestStudy notDue = new TestStudy().add(work.resolve("d"), "CT_small.dcm", 1);
        Map<String, Long> tasks = new LinkedHashMap<>();

        try (SlowStowReceiver receiver = SlowStowReceiver.start(PORT, "/crash", Duration.ofMillis(1000))) {
            ArchiveProcess archive = ArchiveProcess.start(root, data, log);
            try {
                archive.awaitHealthy(Duration.ofMinutes(8));
                LdapEntries.webApp("slowcrash", PORT, "/crash", "instances-per-request=1");
                LdapEntries.exporter("CRASHSTOW", "stow:slowcrash", "Export8");
                ArchiveRest.reload();
                for (TestStudy s : List.of(running, waiting1, waiting2, notDue)) {
                    s.store();
                }
                tasks.put(running.studyUid, ArchiveRest.export(running.studyUid, "CRASHSTOW", null));
                tasks.put(waiting1.studyUid, ArchiveRest.export(waiting1.studyUid, "CRASHSTOW", null));
                tasks.put(waiting2.studyUid, ArchiveRest.export(waiting2.studyUid, "CRASHSTOW", null));
                tasks.put(notDue.studyUid, ArchiveRest.export(notDue.studyUid, "CRASHSTOW", Instant.now().plusSeconds(25)));
                Instant end = Instant.now().plusSeconds(60);
                while (receiver.instancesOf(running.studyUid).size() < 2 && Instant.now().isBefore(end)) {
                    Thread.sleep(50);
                }
                assertEquals("IN PROCESS", ArchiveRest.task(tasks.get(running.studyUid)).getString("status"));
                assertEquals("SCHEDULED", ArchiveRest.task(tasks.get(waiting1.studyUid)).getString("status"));
                assertEquals("SCHEDULED", ArchiveRest.task(tasks.get(notDue.studyUid)).getString("status"));
            } finally {
                archive.kill();
            }
            int beforeKill = receiver.instancesOf(running.studyUid).size();
            receiver.delay(Duration.ofMillis(100));

            try (ArchiveProcess again = ArchiveProcess.start(root, data, log)) {
                again.awaitHealthy(Duration.ofMinutes(8));
                for (Map.Entry<String, Long> e : tasks.entrySet()) {
                    JsonObject t = ArchiveRest.await(e.getValue(), Duration.ofSeconds(120), "COMPLETED", "FAILED", "CANCELED");
                    assertEquals("COMPLETED", t.getString("status"), t.toString());
                }
                Thread.sleep(3000); // a second run of any task would show by now
                JsonArray rows = ArchiveRest.json("{\"a\":" + ArchiveRest.send("GET", "/monitor/export?ExporterID=CRASHSTOW",
                        null).body() + "}").getJsonArray("a");
                Map<String, Integer> rowsPerStudy = new LinkedHashMap<>();
                for (JsonObject r : rows.getValuesAs(JsonObject.class)) {
                    rowsPerStudy.merge(r.getString("StudyInstanceUID"), 1, Integer::sum);
                    assertEquals("COMPLETED", r.getString("status"), r.toString());
                }
                Map<String, Integer> received = receiver.received();
                int resent = 0;
                for (TestStudy s : List.of(running, waiting1, waiting2, notDue)) {
                    assertEquals(1, rowsPerStudy.get(s.studyUid), "one task row for " + s.studyUid + ": " + rows);
                    Set<String> sent = new HashSet<>();
                    for (Path f : s.files) {
                        sent.add(TestStudy.sopInstanceUid(f));
                    }
                    assertEquals(sent, receiver.instancesOf(s.studyUid), "receiver got study " + s.studyUid);
                    for (String iuid : sent) {
                        int times = received.get(iuid);
                        if (s != running) {
                            assertEquals(1, times, "instance of a task that was not running sent once: " + iuid);
                        }
                        resent += times - 1;
                    }
                }
                JsonObject a = ArchiveRest.task(tasks.get(running.studyUid));
                assertEquals(2, a.getInt("numberOfAttempts"), "interrupted run plus the one after restart: " + a);
                for (String study : List.of(waiting1.studyUid, waiting2.studyUid, notDue.studyUid)) {
                    assertEquals(1, ArchiveRest.task(tasks.get(study)).getInt("numberOfAttempts"));
                }
                System.out.printf("export crash: %d of %d instances of the running task arrived before kill -9;"
                        + " %d instances re-sent after restart; all %d tasks COMPLETED once%n",
                        beforeKill, running.files.size(), resent, tasks.size());
                assertTrue(resent <= running.files.size(), "re-sent at most the interrupted study: " + resent);
            }
        }
    }
}
