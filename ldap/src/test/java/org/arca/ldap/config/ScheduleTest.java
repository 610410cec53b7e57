package org.arca.ldap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    static final ZoneId Z = ZoneId.of("Europe/Vienna");

    static ZonedDateTime at(int day, int hour, int minute) { // 2024-06-02 is a Sunday
        return ZonedDateTime.of(2024, 6, 2 + day, hour, minute, 0, 0, Z);
    }

    @Test
    void wrappingHourRange() {
        Schedule s = Schedule.parse("hour=18-6 dayOfWeek=*");
        assertTrue(s.contains(at(1, 18, 0)));
        assertTrue(s.contains(at(1, 23, 59)));
        assertTrue(s.contains(at(2, 0, 0)));
        assertTrue(s.contains(at(2, 6, 59)));
        assertFalse(s.contains(at(2, 7, 0)));
        assertFalse(s.contains(at(2, 17, 59)));
    }

    @Test
    void sundayIsZeroAndListsAreOred() {
        Schedule weekend = Schedule.parse("hour=* dayOfWeek=0,6");
        assertTrue(weekend.contains(at(0, 12, 0)));  // Sunday
        assertTrue(weekend.contains(at(6, 12, 0)));  // Saturday
        assertFalse(weekend.contains(at(1, 12, 0))); // Monday
        List<Schedule> both = List.of(Schedule.parse("hour=18-6"), weekend);
        assertTrue(Schedule.containsAny(both, at(3, 20, 0)));
        assertTrue(Schedule.containsAny(both, at(6, 12, 0)));
        assertFalse(Schedule.containsAny(both, at(3, 12, 0)));
        assertTrue(Schedule.containsAny(List.of(), at(3, 12, 0)));
    }

    @Test
    void ceilFindsStartOfNextWindow() {
        Schedule s = Schedule.parse("hour=18-6 dayOfWeek=*");
        assertEquals(at(1, 18, 0), s.ceil(at(1, 9, 30)));
        assertEquals(at(1, 19, 15), s.ceil(at(1, 19, 15)));
        Schedule monday8 = Schedule.parse("hour=8 dayOfWeek=1");
        assertEquals(at(8, 8, 0), monday8.ceil(at(1, 9, 0))); // next Monday
        List<Schedule> both = List.of(monday8, Schedule.parse("hour=22 dayOfWeek=3"));
        assertEquals(at(3, 22, 0), Schedule.ceilAny(both, at(1, 9, 0)));
    }

    @Test
    void badValuesAreRejectedWithTheirPart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("hour=25"));
        assertTrue(e.getMessage().contains("hour=25"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("hour=* dayOfWeek=7"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("minute=5"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("hour=a-b"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse(" "));
    }
}
