package org.arca.it.export;

import org.arca.it.ConfigEntries;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.arca.tools.stowrsd.StowRsd;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exports to real receivers through the default configuration's exporters: DCMTK's storescp
 * and ours (STORESCP, dicom:) and stowrsd (STOWRSD, stow:), byte-identical data sets and COMPLETED;
 * a receiver down, then retried with the queue's backoff; exporters naming an unknown AE or
 * web application (also from export rules, which leave storing unaffected); the monitor's cancel, reschedule, delete and CSV.
 */
@ExtendWith(ArquillianExtension.class)
class ExportToReceiversIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    @BeforeAll
    static void exportersNamingNothing() throws Exception {
        LdapEntries.exporter("BADAE", "dicom:NOSUCHAE", "Export3");
        LdapEntries.exporter("BADWEB", "stow:nosuchwebapp", "Export3");
        for (String exporter : new String[] {"BADAE", "BADWEB"}) {
            ConfigEntries.add("cn=To " + exporter + " from BADRULE," + ConfigEntries.ARCHIVE, "objectClass: dcmExportRule",
                    "cn: To " + exporter + " from BADRULE", "dcmEntity: Study", "dcmExporterID: " + exporter,
                    "dcmProperty: SendingApplicationEntityTitle=BADRULE", "dcmDuration: PT1S");
        }
        ArchiveRest.reload();
    }

    @AfterEach
    void systemClock() throws Exception {
        ArchiveRest.resetClock();
    }

    @ParameterizedTest(name = "{0} storescp")
    @ValueSource(strings = {"DCMTK", "Arca"})
    void dicomExportToStorescpArrivesByteIdentical(String receiver) throws Exception {
        Path work = Peers.work("storescp-" + receiver + "-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 2).add(work.resolve("in"), "MR_small.dcm", 1);
        study.store();
        Process scp = receiver.equals("DCMTK") ? Peers.storescp(work.resolve("out")) : Peers.arcaStorescp(work.resolve("out"));
        try {
            JsonObject t = ArchiveRest.await(ArchiveRest.export(study.studyUid, "STORESCP", null), TIMEOUT,
                    "COMPLETED", "FAILED", "WARNING");
            assertEquals("COMPLETED", t.getString("status"), t.toString());
            assertTrue(t.getString("outcomeMessage").startsWith("Stored 3 of 3"), t.toString());
        } finally {
            Peers.stop(scp);
        }
        for (Path f : study.files) {
            String iuid = TestStudy.sopInstanceUid(f);
            Path got;
            try (Stream<Path> s = Files.list(work.resolve("out"))) {
                got = s.filter(p -> p.getFileName().toString().endsWith(iuid)).findFirst()
                        .orElseThrow(() -> new AssertionError(iuid + " not received by " + receiver + " storescp"));
            }
            assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(got), "data set of " + iuid);
        }
    }

    @Test
    void stowExportToStowrsdArrivesByteIdentical() throws Exception {
        Path work = Peers.work("stowrsd-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 3);
        study.store();
        try (StowRsd rsd = StowRsd.start("127.0.0.1", 8090, "/stowrs", work.resolve("out"), false)) {
            JsonObject t = ArchiveRest.await(ArchiveRest.export(study.studyUid, "STOWRSD", null), TIMEOUT,
                    "COMPLETED", "FAILED", "WARNING");
            assertEquals("COMPLETED", t.getString("status"), t.toString());
            assertEquals(3, t.getInt("NumberOfInstances"));
        }
        for (Path f : study.files) {
            Path got = work.resolve("out").resolve(TestStudy.sopInstanceUid(f) + ".dcm");
            assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(got), "data set of " + got);
        }
    }

    @Test
    void receiverDownIsRetriedWithTheQueueBackoffThenCompletes() throws Exception {
        Path work = Peers.work("retry-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 1);
        study.store();
        long id = ArchiveRest.export(study.studyUid, "STOWRSD", null); // nobody listens on 8090
        JsonObject t = ArchiveRest.await(id, TIMEOUT, "SCHEDULED FOR RETRY", "FAILED", "COMPLETED");
        assertEquals("SCHEDULED FOR RETRY", t.getString("status"), t.toString());
        assertTrue(t.getString("errorMessage").contains("http://127.0.0.1:8090/stowrs/studies"), t.toString());
        Duration backoff = Duration.between(Instant.parse(t.getString("processingEndTime")),
                Instant.parse(t.getString("scheduledTime")));
        assertEquals(Duration.ofSeconds(30), backoff, "Export2: dcmRetryDelay PT30S before the first retry");
        try (StowRsd rsd = StowRsd.start("127.0.0.1", 8090, "/stowrs", work.resolve("out"), false)) {
            ArchiveRest.setClock(Instant.parse(t.getString("scheduledTime")).plusSeconds(1));
            t = ArchiveRest.await(id, TIMEOUT, "COMPLETED", "FAILED");
        }
        assertEquals("COMPLETED", t.getString("status"), t.toString());
        assertEquals(2, t.getInt("numberOfAttempts"));
    }

    @Test
    void unknownAeOrWebApplicationFailsTheTaskNamingIt() throws Exception {
        TestStudy study = new TestStudy().add(Peers.work("unknown-" + System.nanoTime()), "CT_small.dcm", 1);
        study.store();
        JsonObject ae = ArchiveRest.await(ArchiveRest.export(study.studyUid, "BADAE", null), TIMEOUT, "FAILED", "COMPLETED");
        assertEquals("FAILED", ae.getString("status"));
        assertTrue(ae.getString("errorMessage").contains("'NOSUCHAE'"), ae.toString());
        assertEquals(1, ae.getInt("numberOfAttempts"), "not retried: waiting does not make the AE appear");
        JsonObject web = ArchiveRest.await(ArchiveRest.export(study.studyUid, "BADWEB", null), TIMEOUT, "FAILED", "COMPLETED");
        assertTrue(web.getString("errorMessage").contains("'nosuchwebapp'"), web.toString());
    }

    @Test
    void rulesToUnknownAeAndWebApplicationDoNotAffectStoring() throws Exception {
        TestStudy study = new TestStudy().add(Peers.work("badrule-" + System.nanoTime()), "CT_small.dcm", 2);
        study.store("BADRULE"); // throws unless every C-STORE answers Success
        HttpResponse<String> qido = ArchiveRest.send("GET", "/aets/DCM4CHEE/rs/studies/" + study.studyUid + "/instances",
                "application/dicom+json");
        assertEquals(200, qido.statusCode(), qido.body());
        assertEquals(2, jakarta.json.Json.createReader(new java.io.StringReader(qido.body())).readArray().size(),
                "both instances stored and found: " + qido.body());
        jakarta.json.JsonArray tasks = ArchiveRest.json("{\"a\":" + ArchiveRest.send("GET",
                "/monitor/export?StudyInstanceUID=" + study.studyUid, null).body() + "}").getJsonArray("a");
        assertEquals(2, tasks.size(), "one task per rule: " + tasks);
        for (jakarta.json.JsonValue v : tasks) {
            JsonObject t = ArchiveRest.await(v.asJsonObject().getJsonNumber("taskID").longValue(), TIMEOUT, "FAILED", "COMPLETED");
            assertEquals("FAILED", t.getString("status"), t.toString());
            String named = t.getString("ExporterID").equals("BADAE") ? "'NOSUCHAE'" : "'nosuchwebapp'";
            assertTrue(t.getString("errorMessage").contains(named), t.toString());
        }
    }

    @Test
    void monitorCancelsReschedulesToAnotherExporterListsCsvAndDeletes() throws Exception {
        Path work = Peers.work("monitor-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 1);
        study.store();
        long id = ArchiveRest.export(study.studyUid, "BADAE", Instant.parse("2099-01-01T00:00:00Z"));
        assertEquals(204, ArchiveRest.send("POST", "/monitor/export/" + id + "/cancel", null).statusCode());
        assertEquals("CANCELED", ArchiveRest.task(id).getString("status"));
        assertEquals(409, ArchiveRest.send("POST", "/monitor/export/" + id + "/cancel", null).statusCode());
        try (StowRsd rsd = StowRsd.start("127.0.0.1", 8090, "/stowrs", work.resolve("out"), false)) {
            HttpResponse<String> r = ArchiveRest.send("POST", "/monitor/export/" + id + "/reschedule/STOWRSD", null);
            assertEquals(200, r.statusCode(), r.body());
            JsonObject t = ArchiveRest.await(id, TIMEOUT, "COMPLETED", "FAILED");
            assertEquals("COMPLETED", t.getString("status"), t.toString());
            assertEquals("STOWRSD", t.getString("ExporterID"));
            assertEquals("Export2", t.getString("queue"));
        }
        HttpResponse<String> csv = ArchiveRest.send("GET", "/monitor/export?StudyInstanceUID=" + study.studyUid, "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("taskID,status,"), csv.body());
        assertTrue(csv.body().contains("\r\n" + id + ",COMPLETED,Export2,STOWRSD,"), csv.body());
        assertEquals(200, ArchiveRest.send("GET", "/monitor/export?status=SCHEDULED%20FOR%20RETRY", null).statusCode());
        assertEquals(204, ArchiveRest.send("DELETE", "/monitor/export/" + id, null).statusCode());
        assertEquals(404, ArchiveRest.send("GET", "/monitor/export/" + id, null).statusCode());
    }
}
