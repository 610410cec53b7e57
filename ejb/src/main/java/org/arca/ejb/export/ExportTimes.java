package org.arca.ejb.export;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.arca.ldap.config.QueueDescriptor;
import org.arca.ldap.config.Schedule;

/**
 * The schedule arithmetic of exports, kept free of EE so it is tested in milliseconds:
 * an exporter's dcmSchedule moves a task's time into its next window once; a queue's
 * dcmSchedule and dicomInstalled hold processing until the queue may run.
 */
public final class ExportTimes {

    /** How often a paused (dicomInstalled=false) queue looks again whether it runs. */
    public static final Duration PAUSED_QUEUE_POLL = Duration.ofMinutes(1);

    private ExportTimes() {
    }

    /** {@code requested}, or the start of the exporter's next window when it lies outside. */
    public static Instant scheduledTime(Instant requested, List<Schedule> exporterSchedules, ZoneId zone) {
        if (exporterSchedules.isEmpty()) {
            return requested;
        }
        ZonedDateTime t = Schedule.ceilAny(exporterSchedules, requested.atZone(zone));
        return t == null ? requested : t.toInstant();
    }

    /**
     * When a task due now may run on its queue: null if at once, else the time to look again
     * (next window of the queue's schedule, or a poll interval while the queue is paused).
     */
    public static Instant queueHold(QueueDescriptor queue, Instant now, ZoneId zone) {
        if (queue == null) {
            return null;
        }
        if (!queue.isInstalled()) {
            return now.plus(PAUSED_QUEUE_POLL);
        }
        if (Schedule.containsAny(queue.getSchedules(), now.atZone(zone))) {
            return null;
        }
        ZonedDateTime next = Schedule.ceilAny(queue.getSchedules(), now.atZone(zone));
        return next == null ? now.plus(PAUSED_QUEUE_POLL) : next.toInstant();
    }

    /** The later of two times: coalescing only ever pushes a pending task later. */
    public static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
