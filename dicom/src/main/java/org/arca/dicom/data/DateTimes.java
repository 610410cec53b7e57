package org.arca.dicom.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Parsing and formatting of DA, TM and DT (PS3.5 6.2), by hand instead of with
 * DateTimeFormatter patterns: values may omit trailing components, and the retired
 * ACR-NEMA forms with '.' and ':' separators still appear in old files.
 */
final class DateTimes {

    private DateTimes() {
    }

    static LocalDate parseDate(String s) {
        String d = s.replace(".", "").replace("-", "");
        if (d.length() != 8) {
            throw new IllegalArgumentException("not a DA value: " + s);
        }
        return LocalDate.of(num(d, 0, 4), num(d, 4, 6), num(d, 6, 8));
    }

    static LocalTime parseTime(String s) {
        String t = s.replace(":", "");
        int n = t.length();
        int hh = num(t, 0, 2);
        int mm = n >= 4 ? num(t, 2, 4) : 0;
        int ss = n >= 6 ? num(t, 4, 6) : 0;
        int nanos = 0;
        if (n > 7 && t.charAt(6) == '.') {
            String frac = (t.substring(7) + "000000000").substring(0, 9);
            nanos = num(frac, 0, 9);
        }
        return LocalTime.of(hh, mm, Math.min(ss, 59), nanos);
    }

    /** DT is YYYY[MM[DD[HH[MM[SS[.F]]]]]][&ZZXX]; the offset is ignored (local date-time). */
    static LocalDateTime parseDateTime(String s) {
        String v = s;
        int z = Math.max(v.indexOf('+'), v.indexOf('-'));
        if (z > 0) {
            v = v.substring(0, z);
        }
        int year = num(v, 0, 4);
        int month = v.length() >= 6 ? num(v, 4, 6) : 1;
        int day = v.length() >= 8 ? num(v, 6, 8) : 1;
        LocalTime t = v.length() >= 10 ? parseTime(v.substring(8)) : LocalTime.MIDNIGHT;
        return LocalDate.of(year, month, day).atTime(t);
    }

    private static int num(String s, int from, int to) {
        if (s.length() < to) {
            throw new IllegalArgumentException("too short: " + s);
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit in " + s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static String formatDate(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static String formatTime(LocalTime t) {
        String s = String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
        return t.getNano() == 0 ? s : s + String.format(".%06d", t.getNano() / 1000);
    }

    /** DS allows 16 characters; the shortest exact decimal form usually fits. */
    static String formatDecimal(double v) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.length() <= 16 ? s : Double.toString(v);
    }
}
