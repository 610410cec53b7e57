package org.arca.ejb.storage;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.ElementDictionary;

/**
 * dcmStoragePathFormat: literal text with placeholders, as dcm4che's AttributesFormat writes
 * them. {@code {now,date,yyyy/MM/dd}}, {@code {now,time,HHmmss}}, {@code {rnd}} (8 hex digits),
 * {@code {rnd,uuid}}, {@code {rnd,uid}}, and attributes by tag (8 hex digits) or keyword:
 * {@code {0020000D}} (the value), with an operation {@code hash} (String.hashCode as 8 hex
 * digits), {@code md5} (26 base-32 digits), {@code upper}, {@code urlencoded},
 * {@code slice,begin[,end]}, {@code offset,n}, {@code number,pattern}, {@code date,pattern},
 * {@code time,pattern}. A missing attribute formats as {@code null}, as in dcm4che.
 */
public final class StoragePathFormat {

    private interface Part {
        void append(StringBuilder sb, Attributes attrs);
    }

    private final String pattern;
    private final List<Part> parts = new ArrayList<>();
    private final Supplier<LocalDateTime> clock;

    public StoragePathFormat(String pattern) {
        this(pattern, LocalDateTime::now);
    }

    private static final java.util.Map<String, StoragePathFormat> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The format of {@code pattern}, parsed once (a format is immutable; each store needs one). */
    public static StoragePathFormat of(String pattern) {
        StoragePathFormat f = PARSED.get(pattern);
        if (f == null) {
            f = new StoragePathFormat(pattern);
            if (PARSED.size() < 1000) { // patterns come from LDAP: a handful, but never unbounded
                PARSED.put(pattern, f);
            }
        }
        return f;
    }

    /** With a clock, for tests of {now,...}. */
    public StoragePathFormat(String pattern, Supplier<LocalDateTime> clock) {
        this.pattern = pattern;
        this.clock = clock;
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                parts.add(literal(pattern.substring(i)));
                break;
            }
            int close = pattern.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in path format " + pattern);
            }
            if (open > i) {
                parts.add(literal(pattern.substring(i, open)));
            }
            parts.add(placeholder(pattern.substring(open + 1, close).split(",", -1)));
            i = close + 1;
        }
    }

    public String pattern() {
        return pattern;
    }

    public String format(Attributes attrs) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            p.append(sb, attrs);
        }
        return sb.toString();
    }

    private static Part literal(String s) {
        return (sb, a) -> sb.append(s);
    }

    private Part placeholder(String[] f) {
        String name = f[0].trim();
        if (name.equals("now")) {
            DateTimeFormatter fmt = DateTimeFormatter.ofPattern(f.length > 2 ? f[2] : "yyyyMMdd", Locale.ROOT);
            return (sb, a) -> sb.append(fmt.format(clock.get()));
        }
        if (name.equals("rnd")) {
            String kind = f.length > 1 ? f[1].trim() : "";
            return switch (kind) {
                case "uuid" -> (sb, a) -> sb.append(UUID.randomUUID());
                case "uid" -> (sb, a) -> sb.append("2.25.").append(uuidAsInteger(UUID.randomUUID()));
                case "" -> (sb, a) -> sb.append(hex8(ThreadLocalRandom.current().nextInt()));
                default -> throw new IllegalArgumentException("unknown {rnd," + kind + "} in " + pattern);
            };
        }
        int tag = tagOf(name);
        Operation op = operation(f);
        return (sb, a) -> {
            String v = a.getString(tag);
            sb.append(v == null ? "null" : op.apply(v));
        };
    }

    private interface Operation {
        String apply(String value);
    }

    private Operation operation(String[] f) {
        String op = f.length > 1 ? f[1].trim() : "";
        switch (op) {
            case "":
                return v -> v;
            case "hash":
                return v -> hex8(v.hashCode());
            case "md5":
                return StoragePathFormat::md5;
            case "upper":
                return v -> v.toUpperCase(Locale.ROOT);
            case "urlencoded":
                return v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
            case "slice": {
                int begin = Integer.parseInt(f[2].trim());
                Integer end = f.length > 3 ? Integer.parseInt(f[3].trim()) : null;
                return v -> slice(v, begin, end);
            }
            case "offset": {
                long n = Long.parseLong(f[2].trim());
                return v -> Long.toString(Long.parseLong(v.trim()) + n);
            }
            case "number": {
                String p = f.length > 2 ? f[2] : "0";
                return v -> new DecimalFormat(p).format(Double.parseDouble(v.trim()));
            }
            case "date": {
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern(f.length > 2 ? f[2] : "yyyyMMdd", Locale.ROOT);
                return v -> fmt.format(LocalDate.parse(v.trim().substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
            }
            case "time": {
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern(f.length > 2 ? f[2] : "HHmmss", Locale.ROOT);
                return v -> fmt.format(parseTime(v.trim()));
            }
            default:
                throw new IllegalArgumentException("unknown operation '" + op + "' in path format " + pattern);
        }
    }

    private int tagOf(String name) {
        if (name.length() == 8 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return (int) Long.parseLong(name, 16);
        }
        int tag = ElementDictionary.tagOf(name);
        if (tag == -1) {
            throw new IllegalArgumentException("unknown attribute '" + name + "' in path format " + pattern);
        }
        return tag;
    }

    /** Like Python slicing: negative indices count from the end. */
    static String slice(String v, int begin, Integer end) {
        int n = v.length();
        int b = Math.max(0, Math.min(n, begin < 0 ? n + begin : begin));
        int e = end == null ? n : Math.max(b, Math.min(n, end < 0 ? n + end : end));
        return v.substring(b, e);
    }

    static String md5(String v) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(v.getBytes(StandardCharsets.UTF_8));
            String s = new BigInteger(1, d).toString(32);
            return "0".repeat(26 - s.length()) + s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalTime parseTime(String v) {
        String digits = v.replace(":", "");
        int dot = digits.indexOf('.');
        String hms = (dot < 0 ? digits : digits.substring(0, dot)) + "000000";
        return LocalTime.of(Integer.parseInt(hms.substring(0, 2)), Integer.parseInt(hms.substring(2, 4)),
                Integer.parseInt(hms.substring(4, 6)));
    }

    private static BigInteger uuidAsInteger(UUID u) {
        return new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
    }

    /** How many other paths dcmOnStoragePathAlreadyExists=RANDOM_PATH tries before giving up. */
    public static final int RANDOM_PATH_ATTEMPTS = 10;

    /** RANDOM_PATH: another path for an object whose path is taken ({@code path.XXXXXXXX}). */
    public static String randomAlternative(String path) {
        return path + "." + hex8(java.util.concurrent.ThreadLocalRandom.current().nextInt());
    }

    /** Eight upper-case hex digits, as %08X gives, without a Formatter per path (three per store). */
    private static String hex8(int v) {
        return java.util.HexFormat.of().withUpperCase().toHexDigits(v);
    }
}
