package org.arca.ejb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.arca.ldap.config.QueueDescriptor;
import org.arca.ldap.config.Schedule;
import org.junit.jupiter.api.Test;

class ExportTimesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Vienna");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @Test
    void exporterAfterHoursMovesA14OClockTaskTo18() {
        List<Schedule> afterHours = List.of(Schedule.parse("hour=18-6 dayOfWeek=*"));
        assertEquals(at("2026-11-23T18:00"), ExportTimes.scheduledTime(at("2026-11-23T14:00"), afterHours, ZONE));
        assertEquals(at("2026-11-23T19:30"), ExportTimes.scheduledTime(at("2026-11-23T19:30"), afterHours, ZONE),
                "inside the window: unchanged");
        assertEquals(at("2026-11-24T05:59"), ExportTimes.scheduledTime(at("2026-11-24T05:59"), afterHours, ZONE),
                "the range wraps past midnight");
    }

    @Test
    void noExporterScheduleKeepsTheRequestedTime() {
        assertEquals(at("2026-11-23T14:00"), ExportTimes.scheduledTime(at("2026-11-23T14:00"), List.of(), ZONE));
    }

    @Test
    void weekendQueueHoldsOnMondayUntilSaturdayMidnight() {
        QueueDescriptor weekend = new QueueDescriptor("Export5").setSchedules(List.of(Schedule.parse("hour=* dayOfWeek=0,6")));
        // 2026-11-23 is a Monday
        assertEquals(at("2026-11-28T00:00"), ExportTimes.queueHold(weekend, at("2026-11-23T10:15"), ZONE));
        assertNull(ExportTimes.queueHold(weekend, at("2026-11-29T10:15"), ZONE), "Sunday runs");
    }

    @Test
    void pausedQueueLooksAgainAfterThePollInterval() {
        QueueDescriptor paused = new QueueDescriptor("Export1").setInstalled(false);
        Instant now = at("2026-11-23T10:00");
        assertEquals(now.plus(ExportTimes.PAUSED_QUEUE_POLL), ExportTimes.queueHold(paused, now, ZONE));
        assertNull(ExportTimes.queueHold(new QueueDescriptor("Export1"), now, ZONE), "installed, no schedule: runs");
        assertNull(ExportTimes.queueHold(null, now, ZONE), "unknown queue: nothing holds it");
    }

    @Test
    void retryDelaysDoubleUpToTheCap() {
        QueueDescriptor q = new QueueDescriptor("Export1").setMaxRetries(10).setRetryDelay(Duration.ofSeconds(30))
                .setRetryDelayMultiplier(200).setMaxRetryDelay(Duration.ofMinutes(10));
        assertEquals(Duration.ofSeconds(30), RetryPolicy.nextDelay(q, 1));
        assertEquals(Duration.ofMinutes(1), RetryPolicy.nextDelay(q, 2));
        assertEquals(Duration.ofMinutes(8), RetryPolicy.nextDelay(q, 5));
        assertEquals(Duration.ofMinutes(10), RetryPolicy.nextDelay(q, 6));
        assertNull(RetryPolicy.nextDelay(q, 11), "no retry after dcmMaxRetries");
    }
}
