package org.arca.it.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Canceling a running export stops it: with a slow STOW-RS receiver (one instance per request,
 * 300 ms each) and a study of 30 instances, POST .../cancel makes the exporter stop sending
 * at once, the task ends CANCELED, and the queue goes on with the next task.
 */
@ExtendWith(ArquillianExtension.class)
class ExportCancelIT {

    private static final int PORT = 8091;
    private static final int INSTANCES = 30;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    @Test
    void cancelStopsTheRunningExportAndTheQueueGoesOn() throws Exception {
        LdapEntries.webApp("slowcancel", PORT, "/slow", "instances-per-request=1");
        LdapEntries.exporter("SLOWCANCEL", "stow:slowcancel", "Export7");
        ArchiveRest.reload();
        Path work = Peers.work("cancel-" + System.nanoTime());
        TestStudy big = new TestStudy().add(work.resolve("big"), "CT_small.dcm", INSTANCES);
        TestStudy next = new TestStudy().add(work.resolve("next"), "MR_small.dcm", 1);
        big.store();
        next.store();
        try (SlowStowReceiver receiver = SlowStowReceiver.start(PORT, "/slow", Duration.ofMillis(300))) {
            long running = ArchiveRest.export(big.studyUid, "SLOWCANCEL", null);
            long queued = ArchiveRest.export(next.studyUid, "SLOWCANCEL", null); // Export7 runs one at a time
            Instant end = Instant.now().plusSeconds(60);
            while (receiver.parts() < 3 && Instant.now().isBefore(end)) {
                Thread.sleep(50);
            }
            assertEquals("IN PROCESS", ArchiveRest.task(running).getString("status"), "caught in the middle");
            int atCancel = receiver.parts();
            long canceledAt = System.nanoTime();
            assertEquals(204, ArchiveRest.send("POST", "/monitor/export/" + running + "/cancel", null).statusCode());

            JsonObject n = ArchiveRest.await(queued, Duration.ofSeconds(30), "COMPLETED", "FAILED");
            assertEquals("COMPLETED", n.getString("status"), "the queue went on with the next task: " + n);
            assertEquals(1, receiver.instancesOf(next.studyUid).size());
            Thread.sleep(1000); // anything still coming from the canceled export would show now
            int sent = receiver.instancesOf(big.studyUid).size();
            // the request in flight at the cancel may still be counted by the receiver
            assertTrue(sent <= atCancel + 1, "stopped sending: " + atCancel + " at cancel, " + sent + " now");
            assertTrue(sent < INSTANCES, "did not send the whole study: " + sent);
            long lastBigPart = receiver.lastPartOf(big.studyUid);
            assertTrue(lastBigPart - canceledAt < Duration.ofSeconds(5).toNanos(),
                    "last instance of the canceled study came " + (lastBigPart - canceledAt) / 1_000_000 + " ms after cancel");
            JsonObject t = ArchiveRest.task(running);
            assertEquals("CANCELED", t.getString("status"), t.toString());
            assertEquals(1, t.getInt("numberOfAttempts"), t.toString());
            System.out.printf("cancel: %d of %d instances sent before, %d after; next task %s%n",
                    atCancel, INSTANCES, sent - atCancel, n.getString("status"));
        }
    }
}
