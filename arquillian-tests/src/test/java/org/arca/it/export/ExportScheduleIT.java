package org.arca.it.export;

import org.arca.it.ConfigEntries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.arca.tools.stowrsd.StowRsd;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Time, moved with the archive's test clock: an exporter's after-hours schedule defers a
 * 14:00 task to 18:00; a queue with a weekend schedule holds its tasks on a Monday; an export
 * rule turns the instances of a study into one task due dcmDuration after the last one.
 */
@ExtendWith(ArquillianExtension.class)
class ExportScheduleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String QUEUE5 = "dcmQueueName=Export5," + ConfigEntries.ARCHIVE;
    private static ZoneId zone;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    @BeforeAll
    static void configure() throws Exception {
        LdapEntries.exporter("AFTERHOURS", "stow:stowrsd", "Export4", "dcmSchedule: hour=18-6 dayOfWeek=*");
        LdapEntries.exporter("WEEKEND", "stow:stowrsd", "Export5");
        ConfigEntries.replace(QUEUE5, "dcmSchedule", "hour=* dayOfWeek=0,6");
        LdapEntries.exporter("RULESTOW", "stow:stowrsd", "Export6");
        ConfigEntries.add("cn=CT and MR from RULEIT," + ConfigEntries.ARCHIVE, "objectClass: dcmExportRule",
                "cn: CT and MR from RULEIT", "dcmEntity: Study", "dcmExporterID: RULESTOW",
                "dcmProperty: Modality=CT|MR", "dcmProperty: SendingApplicationEntityTitle=RULEIT", "dcmDuration: PT4S");
        ArchiveRest.reload();
        zone = ZoneId.of(ArchiveRest.json(ArchiveRest.send("GET", "/monitor/clock", null).body()).getString("zone"));
    }

    @AfterAll
    static void restore() throws Exception {
        ConfigEntries.replace(QUEUE5, "dcmSchedule");
        ArchiveRest.reload();
        ArchiveRest.resetClock();
    }

    @AfterEach
    void systemClock() throws Exception {
        ArchiveRest.resetClock();
    }

    private static Instant nextMondayAt(int hour) {
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private static void assertStillWaiting(long id) throws Exception {
        Thread.sleep(3000);
        JsonObject t = ArchiveRest.task(id);
        assertEquals("SCHEDULED", t.getString("status"), t.toString());
        assertEquals(0, t.getInt("numberOfAttempts"), t.toString());
    }

    @Test
    void afterHoursExporterRunsA14OClockTaskAt18NotBefore() throws Exception {
        Path work = Peers.work("afterhours-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 1);
        study.store();
        Instant monday14 = nextMondayAt(14);
        ArchiveRest.setClock(monday14);
        try (StowRsd rsd = StowRsd.start("127.0.0.1", 8090, "/stowrs", work.resolve("out"), false)) {
            long id = ArchiveRest.export(study.studyUid, "AFTERHOURS", null);
            JsonObject t = ArchiveRest.task(id);
            assertEquals(monday14.plus(Duration.ofHours(4)), Instant.parse(t.getString("scheduledTime")), t.toString());
            assertStillWaiting(id);
            ArchiveRest.setClock(monday14.plus(Duration.ofHours(4)).minusSeconds(60)); // 17:59
            assertStillWaiting(id);
            ArchiveRest.setClock(monday14.plus(Duration.ofHours(4)).plusSeconds(1));
            t = ArchiveRest.await(id, TIMEOUT, "COMPLETED", "FAILED");
            assertEquals("COMPLETED", t.getString("status"), t.toString());
            assertFalse(Instant.parse(t.getString("processingStartTime")).isBefore(monday14.plus(Duration.ofHours(4))),
                    "ran at 18:00 or later: " + t);
        }
    }

    @Test
    void weekendQueueHoldsItsTasksOnMondayAndRunsThemOnSaturday() throws Exception {
        Path work = Peers.work("weekend-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 1);
        study.store();
        Instant monday10 = nextMondayAt(10);
        ArchiveRest.setClock(monday10);
        try (StowRsd rsd = StowRsd.start("127.0.0.1", 8090, "/stowrs", work.resolve("out"), false)) {
            long id = ArchiveRest.export(study.studyUid, "WEEKEND", null);
            assertStillWaiting(id);
            ArchiveRest.setClock(monday10.plus(Duration.ofDays(5))); // Saturday 10:00
            JsonObject t = ArchiveRest.await(id, TIMEOUT, "COMPLETED", "FAILED");
            assertEquals("COMPLETED", t.getString("status"), t.toString());
        }
    }

    @Test
    void ruleCoalescesTheInstancesOfAStudyIntoOneTaskAfterTheLast() throws Exception {
        Path work = Peers.work("rule-" + System.nanoTime());
        TestStudy study = new TestStudy().add(work.resolve("in"), "CT_small.dcm", 2).add(work.resolve("in"), "MR_small.dcm", 2);
        try (StowRsd rsd = StowRsd.start("127.0.0.1", 8090, "/stowrs", work.resolve("out"), false)) {
            study.store("RULEIT");
            JsonArray tasks = ArchiveRest.json("{\"a\":" + ArchiveRest.send("GET", "/monitor/export?ExporterID=RULESTOW"
                    + "&StudyInstanceUID=" + study.studyUid, null).body() + "}").getJsonArray("a");
            assertEquals(1, tasks.size(), "one task for the study: " + tasks);
            long id = tasks.getJsonObject(0).getJsonNumber("taskID").longValue();
            JsonObject t = ArchiveRest.await(id, TIMEOUT, "COMPLETED", "FAILED");
            assertEquals("COMPLETED", t.getString("status"), t.toString());
            assertEquals(4, t.getInt("NumberOfInstances"), "all instances, as it ran after the last: " + t);
            assertTrue(!Instant.parse(t.getString("processingStartTime"))
                    .isBefore(Instant.parse(t.getString("createdTime")).plusSeconds(4)), "dcmDuration PT4S: " + t);
        }
        TestStudy other = new TestStudy().add(work.resolve("other"), "CT_small.dcm", 1);
        other.store("NOTRULE");
        assertEquals(0, ArchiveRest.json(ArchiveRest.send("GET", "/monitor/export/count?StudyInstanceUID="
                + other.studyUid, null).body()).getInt("count"), "SendingApplicationEntityTitle=RULEIT does not match");
    }
}
