package org.arca.ejb.index;

import java.util.Locale;

/**
 * The forms values take in the index columns, so that the database compares them the way
 * DICOM matching means them: names case-insensitively, dates as YYYYMMDD and times as HHMMSS
 * strings (so ranges are string ranges).
 */
public final class Normalized {
    private Normalized() {
    }

    /** Person name: upper case, empty trailing components and groups dropped. */
    public static String personName(String pn) {
        if (pn == null) {
            return null;
        }
        String[] groups = pn.trim().toUpperCase(Locale.ROOT).split("=", -1);
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            String s = groups[g].trim();
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == '^' || s.charAt(end - 1) == ' ')) {
                end--;
            }
            if (g > 0) {
                sb.append('=');
            }
            sb.append(s, 0, end);
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '=') {
            end--;
        }
        sb.setLength(end);
        return sb.length() == 0 ? null : sb.toString();
    }

    /** DA (also the old YYYY.MM.DD form) as YYYYMMDD, or null when not a date. */
    public static String date(String da) {
        if (da == null) {
            return null;
        }
        String d = da.trim().replace(".", "");
        return d.length() >= 8 && d.substring(0, 8).chars().allMatch(Character::isDigit) ? d.substring(0, 8) : null;
    }

    /** TM (also HH:MM:SS) as HHMMSS, missing minutes/seconds as {@code fill} (0 or 9). */
    public static String time(String tm, char fill) {
        if (tm == null) {
            return null;
        }
        String t = tm.trim().replace(":", "");
        int dot = t.indexOf('.');
        if (dot >= 0) {
            t = t.substring(0, dot);
        }
        if (t.length() < 2 || t.length() > 6 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(t);
        while (sb.length() < 6) {
            sb.append(fill == '9' ? (sb.length() % 2 == 0 ? '5' : '9') : '0');
        }
        return sb.toString();
    }

    public static String time(String tm) {
        return time(tm, '0');
    }

    /** Cuts a value to a column's size (a malformed over-long value must not fail the store). */
    public static String fit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
