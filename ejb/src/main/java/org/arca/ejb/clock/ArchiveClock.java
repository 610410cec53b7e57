package org.arca.ejb.clock;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one clock of export scheduling: task times, rule and queue schedules, retries. It runs
 * with the system clock, shifted by an offset that tests may set (only when the server runs
 * with {@code -Darca.clock.settable=true}), so a test can move the archive to 14:00 or to a
 * Monday without waiting. Schedules are read in the server's time zone.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ArchiveClock {

    public static final String SETTABLE_PROPERTY = "arca.clock.settable";

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public ZoneId zone() {
        return ZoneId.systemDefault();
    }

    public ZonedDateTime zonedNow() {
        return now().atZone(zone());
    }

    public static boolean isSettable() {
        return Boolean.getBoolean(SETTABLE_PROPERTY);
    }

    /** Moves the clock so that now() is {@code time}; refused unless the server allows it. */
    public void set(Instant time) {
        if (!isSettable()) {
            throw new IllegalStateException("the clock may only be set with -D" + SETTABLE_PROPERTY + "=true");
        }
        offset = Duration.between(Instant.now(), time);
    }

    /** Back to the system clock. */
    public void reset() {
        offset = Duration.ZERO;
    }
}
