package org.arca.ldap.config;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A time window as written in dcmSchedule, e.g. {@code hour=18-6 dayOfWeek=*}: hours 0-23, days
 * 0-6 with 0 = Sunday, each field {@code *}, a number, a range or a comma list; a range whose end
 * is smaller than its start wraps ({@code 18-6} is 18..23 and 0..6). A missing field means {@code *}.
 * There is no minute field: a window always starts on a full hour. Several dcmSchedule values of
 * one entry are OR-ed, see {@link #containsAny} and {@link #ceilAny}.
 */
public final class Schedule {

    private final String text;
    private final int hours; // bit h set: hour h allowed
    private final int days;  // bit d set: day d allowed, 0 = Sunday

    private Schedule(String text, int hours, int days) {
        this.text = text;
        this.hours = hours;
        this.days = days;
    }

    /** @throws IllegalArgumentException naming the bad part, e.g. for {@code hour=25} */
    public static Schedule parse(String text) {
        int hours = (1 << 24) - 1, days = (1 << 7) - 1;
        boolean any = false;
        for (String part : text.trim().split("\\s+")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "hour" -> hours = mask(value, 23, part);
                case "dayOfWeek" -> days = mask(value, 6, part);
                default -> throw new IllegalArgumentException("'" + part + "': expected hour=... or dayOfWeek=...");
            }
            any = true;
        }
        if (!any) throw new IllegalArgumentException("empty schedule");
        return new Schedule(text.trim(), hours, days);
    }

    private static int mask(String value, int max, String part) {
        if (value.equals("*")) return (1 << (max + 1)) - 1;
        int mask = 0;
        for (String item : value.split(",")) {
            int dash = item.indexOf('-');
            int from = number(dash < 0 ? item : item.substring(0, dash), max, part);
            int to = dash < 0 ? from : number(item.substring(dash + 1), max, part);
            for (int i = from; ; i = (i + 1) % (max + 1)) { // wraps when to < from
                mask |= 1 << i;
                if (i == to) break;
            }
        }
        return mask;
    }

    private static int number(String s, int max, String part) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0 && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("'" + part + "': " + s + " is not a number from 0 to " + max);
    }

    /** True if the hour of {@code t}, in its own time zone, lies in the window. */
    public boolean contains(ZonedDateTime t) {
        int day = t.getDayOfWeek().getValue() % 7; // ISO Monday=1..Sunday=7 -> Sunday=0
        return (days & (1 << day)) != 0 && (hours & (1 << t.getHour())) != 0;
    }

    /** {@code t} itself if inside the window, else the start of the next window; null for an empty window. */
    public ZonedDateTime ceil(ZonedDateTime t) {
        if (contains(t)) return t;
        ZonedDateTime h = t.truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < 8 * 24; i++) { // one week plus a day covers every window, DST included
            h = h.plusHours(1);
            if (contains(h)) return h;
        }
        return null;
    }

    public static boolean containsAny(List<Schedule> schedules, ZonedDateTime t) {
        return schedules.isEmpty() || schedules.stream().anyMatch(s -> s.contains(t));
    }

    /** Earliest time from {@code t} on that one of the schedules contains; {@code t} when there are none. */
    public static ZonedDateTime ceilAny(List<Schedule> schedules, ZonedDateTime t) {
        ZonedDateTime best = schedules.isEmpty() ? t : null;
        for (Schedule s : schedules) {
            ZonedDateTime c = s.ceil(t);
            if (c != null && (best == null || c.isBefore(best))) best = c;
        }
        return best;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.hours == hours && s.days == days && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, hours, days);
    }
}
