import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the data dictionary and UID registry of arca-dicom from two transcriptions of
 * DICOM PS3.6: pydicom's (_dicom_dict.py, _uid_dict.py) and DCMTK's (dicom.dic).
 *
 * <p>Run from the repository root: {@code java dicom/gen/GenerateDictionary.java}
 * (see dicom/gen/README.md for options). It reads the sources as plain text (no Python
 * needed), cross-checks them, and writes:
 * <ul>
 *   <li>dicom/src/main/resources/org/arca/dicom/dict/elements.tsv</li>
 *   <li>dicom/src/main/resources/org/arca/dicom/dict/uids.tsv</li>
 *   <li>dicom/src/main/java/org/arca/dicom/dict/Tag.java and UID.java</li>
 *   <li>dicom/gen/crosscheck.txt (every disagreement between the two sources)</li>
 * </ul>
 * pydicom is the primary source because it carries the element names (DCMTK only has
 * keywords); DCMTK-only entries are added with a name derived from the keyword.
 */
public class GenerateDictionary {

    static final String RES = "dicom/src/main/resources/org/arca/dicom/dict/";
    static final String SRC = "dicom/src/main/java/org/arca/dicom/dict/";

    /** One registry row; tag is an 8-character upper-case pattern, 'x' marks a repeating nibble. */
    record Element(String tag, String vr, String vm, boolean retired, String keyword, String name,
                   String source) {}

    record Uid(String uid, String name, String type, boolean retired, String keyword) {}

    public static void main(String[] args) throws IOException {
        String pydicomDir = "/usr/lib/python3/dist-packages/pydicom";
        String dcmtkDic = "/usr/share/libdcmtk17/dicom.dic";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pydicom" -> pydicomDir = args[++i];
                case "--dcmtk" -> dcmtkDic = args[++i];
                default -> throw new IllegalArgumentException(
                        "usage: java dicom/gen/GenerateDictionary.java [--pydicom DIR] [--dcmtk dicom.dic]");
            }
        }
        if (!Files.isRegularFile(Path.of("dicom/pom.xml"))) {
            throw new IllegalStateException("run from the repository root (dicom/pom.xml not found)");
        }
        Map<String, Element> py = parsePydicomElements(Path.of(pydicomDir, "_dicom_dict.py"));
        Map<String, Element> dc = parseDcmtk(Path.of(dcmtkDic));
        List<String> report = new ArrayList<>();
        TreeMap<String, Element> merged = merge(py, dc, report);
        checkKeywordsUnique(merged.values());
        List<Uid> uids = parsePydicomUids(Path.of(pydicomDir, "_uid_dict.py"));

        String provenance = "pydicom " + pydicomVersion(Path.of(pydicomDir)) + " (" + pydicomDir
                + ") and DCMTK " + dcmtkEdition(Path.of(dcmtkDic)) + " (" + dcmtkDic + ")";
        writeElements(merged, provenance, report.size());
        writeUids(uids, provenance);
        writeTagJava(merged);
        writeUidJava(uids);
        Files.writeString(Path.of("dicom/gen/crosscheck.txt"),
                "# Disagreements between pydicom and DCMTK transcriptions of PS3.6\n# " + provenance
                        + "\n# Resolution: pydicom wins where both have a tag; DCMTK-only tags are added.\n"
                        + String.join("\n", report) + "\n",
                StandardCharsets.UTF_8);
        System.out.printf("elements: %d (pydicom %d, dcmtk %d), uids: %d, disagreements: %d%n",
                merged.size(), py.size(), dc.size(), uids.size(), report.size());
    }

    // ---------------------------------------------------------------- pydicom (Python literals)

    static final Pattern PY_ELEMENT = Pattern.compile("^\\s*(?:0x([0-9A-Fa-f]{8})|'([0-9A-Fa-fx]{8})'):\\s*\\((.*)\\)");
    static final Pattern PY_UID = Pattern.compile("^\\s*'([0-9.]+)':\\s*\\((.*)\\)");

    static Map<String, Element> parsePydicomElements(Path file) throws IOException {
        Map<String, Element> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = PY_ELEMENT.matcher(line);
            if (!m.find()) continue;
            String tag = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT).replace('X', 'x');
            List<String> f = pyStrings(m.group(3));
            if (f.size() != 5) throw new IllegalStateException("unexpected pydicom line: " + line);
            // (VR, VM, Name, Retired, Keyword)
            out.put(tag, new Element(tag, f.get(0), f.get(1), f.get(3).equals("Retired"), f.get(4), f.get(2), "pydicom"));
        }
        return out;
    }

    static List<Uid> parsePydicomUids(Path file) throws IOException {
        List<Uid> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = PY_UID.matcher(line);
            if (!m.find()) continue;
            List<String> f = pyStrings(m.group(2));
            if (f.size() != 5) throw new IllegalStateException("unexpected pydicom line: " + line);
            // (Name, Type, Info, Retired, Keyword)
            out.add(new Uid(m.group(1), f.get(0), f.get(1), f.get(3).equals("Retired"), f.get(4)));
        }
        return out;
    }

    /** The string literals of a Python tuple body, either quote style, backslash escapes honoured. */
    static List<String> pyStrings(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char q = s.charAt(i);
            if (q != '\'' && q != '"') continue;
            StringBuilder b = new StringBuilder();
            for (i++; s.charAt(i) != q; i++) {
                char c = s.charAt(i);
                if (c == '\\') c = s.charAt(++i);
                b.append(c);
            }
            out.add(b.toString());
        }
        return out;
    }

    static String pydicomVersion(Path dir) {
        try {
            Matcher m = Pattern.compile("__version__\\s*[:=][^'\"]*['\"]([^'\"]+)").matcher(
                    Files.readString(dir.resolve("_version.py")));
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- DCMTK dicom.dic

    static final Pattern DC_TAG = Pattern.compile("\\(([0-9A-F]{4})(?:-([0-9A-F]{4}))?,([0-9A-F]{4})(?:-([0-9A-F]{4}))?\\)");

    /** DCMTK's internal VR codes mapped to the standard's VR text. */
    static final Map<String, String> DCMTK_VR = Map.of(
            "xs", "US or SS", "ox", "OB or OW", "px", "OB or OW", "lt", "US or SS or OW",
            "up", "UL", "na", "NONE");

    static Map<String, Element> parseDcmtk(Path file) throws IOException {
        Map<String, Element> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            String version = f[4];
            if (!version.startsWith("DICOM")) continue; // PRIVATE, ILLEGAL, GENERIC: rules, not entries
            Matcher m = DC_TAG.matcher(f[0]);
            if (!m.matches()) throw new IllegalStateException("unexpected dicom.dic tag: " + line);
            String tag = m.group(1) + m.group(3);
            if (m.group(2) != null) tag = rangePattern(m.group(1), m.group(2)) + m.group(3);
            if (m.group(4) != null) tag = m.group(1) + rangePattern(m.group(3), m.group(4));
            boolean retired = version.endsWith("/retired");
            String keyword = f[2].startsWith("RETIRED_") ? f[2].substring(8) : f[2];
            String vr = DCMTK_VR.getOrDefault(f[1], f[1]);
            out.put(tag, new Element(tag, vr, f[3], retired, keyword, nameFromKeyword(keyword), "dcmtk"));
        }
        return out;
    }

    /** "5000","50FF" -> "50xx": the nibbles that vary become 'x'. */
    static String rangePattern(String lo, String hi) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) b.append(lo.charAt(i) == hi.charAt(i) ? lo.charAt(i) : 'x');
        return b.toString();
    }

    static String dcmtkEdition(Path file) {
        try {
            Matcher m = Pattern.compile("Generated automatically from (DICOM PS ?3\\.6-\\w+)").matcher(
                    Files.readString(file, StandardCharsets.ISO_8859_1));
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /** Best effort for DCMTK-only entries, which have no name: split the keyword at case changes. */
    static String nameFromKeyword(String k) {
        return k.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ");
    }

    // ---------------------------------------------------------------- merge and cross-check

    static TreeMap<String, Element> merge(Map<String, Element> py, Map<String, Element> dc, List<String> report) {
        TreeMap<String, Element> out = new TreeMap<>(TAG_ORDER);
        out.putAll(py);
        java.util.Set<String> covered = new java.util.HashSet<>();
        for (Element d : dc.values()) {
            Element p = py.get(d.tag());
            if (p == null) {
                // DCMTK spells some repeating elements, e.g. (0028,04x0), as one plain instance.
                Element covering = coveringPattern(py, d.tag());
                if (covering != null && covering.keyword().equals(d.keyword())) {
                    covered.add(covering.tag());
                    report.add(d.tag() + " DCMTK gives one instance of pydicom's " + covering.tag()
                            + " " + d.keyword() + " -> pattern kept");
                    continue;
                }
                report.add(d.tag() + " only in DCMTK: " + d.keyword() + " " + d.vr() + " " + d.vm() + " -> added");
                out.put(d.tag(), d);
                continue;
            }
            if (!p.keyword().equals(d.keyword()))
                report.add(d.tag() + " keyword: pydicom '" + p.keyword() + "' DCMTK '" + d.keyword() + "'");
            if (!p.vr().equals(d.vr()))
                report.add(d.tag() + " VR: pydicom '" + p.vr() + "' DCMTK '" + d.vr() + "'");
            if (!p.vm().equals(d.vm()))
                report.add(d.tag() + " VM: pydicom '" + p.vm() + "' DCMTK '" + d.vm() + "'");
            if (p.retired() != d.retired())
                report.add(d.tag() + " retired: pydicom " + p.retired() + " DCMTK " + d.retired());
        }
        for (Element p : py.values())
            if (!dc.containsKey(p.tag()) && !covered.contains(p.tag()))
                report.add(p.tag() + " only in pydicom: " + p.keyword() + " " + p.vr() + " " + p.vm() + (p.retired() ? " (retired)" : ""));
        return out;
    }

    static Element coveringPattern(Map<String, Element> py, String tag) {
        for (Element p : py.values()) {
            if (p.tag().indexOf('x') < 0) continue;
            boolean match = true;
            for (int i = 0; i < 8 && match; i++) match = p.tag().charAt(i) == 'x' || p.tag().charAt(i) == tag.charAt(i);
            if (match) return p;
        }
        return null;
    }

    /** Order by tag with 'x' read as 0 (upper-case hex sorts like the unsigned number), exact tags first. */
    static final Comparator<String> TAG_ORDER =
            Comparator.comparing((String t) -> t.replace('x', '0')).thenComparing(Comparator.naturalOrder());

    static void checkKeywordsUnique(Iterable<Element> elements) {
        Map<String, String> seen = new HashMap<>();
        for (Element e : elements) {
            if (e.keyword().isEmpty()) continue;
            String prev = seen.put(e.keyword(), e.tag());
            if (prev != null) throw new IllegalStateException("duplicate keyword " + e.keyword() + ": " + prev + " " + e.tag());
        }
    }

    // ---------------------------------------------------------------- writers

    static final String HEADER = "Generated by dicom/gen/GenerateDictionary.java - do not edit; regenerate instead.";

    static void writeElements(Map<String, Element> elements, String provenance, int disagreements) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(HEADER).append('\n');
        b.append("# Sources: ").append(provenance).append('\n');
        b.append("# ").append(disagreements).append(" disagreements between the sources, listed in dicom/gen/crosscheck.txt\n");
        b.append("# tag (x = repeating nibble)\tVR as in PS3.6\tVM\tR if retired\tkeyword\tname\n");
        for (Element e : elements.values()) {
            b.append(e.tag()).append('\t').append(e.vr()).append('\t').append(e.vm()).append('\t')
                    .append(e.retired() ? "R" : "").append('\t').append(e.keyword()).append('\t')
                    .append(e.name()).append('\n');
        }
        write(RES + "elements.tsv", b.toString());
    }

    static void writeUids(List<Uid> uids, String provenance) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(HEADER).append('\n');
        b.append("# Source: ").append(provenance).append('\n');
        b.append("# uid\ttype\tR if retired\tkeyword\tname\n");
        for (Uid u : uids) {
            b.append(u.uid()).append('\t').append(u.type()).append('\t').append(u.retired() ? "R" : "")
                    .append('\t').append(u.keyword()).append('\t').append(u.name()).append('\n');
        }
        write(RES + "uids.tsv", b.toString());
    }

    /**
     * The tag a repeating entry is known by (Tag constant, tagOf): its lowest instance that is
     * not a group length and not an exact entry, e.g. (0028,0410) for (0028,04x0), since
     * (0028,0400) is Transform Label. ElementDictionary computes the same at load time.
     */
    static int firstInstance(String pattern, Map<String, Element> elements) {
        int base = Integer.parseUnsignedInt(pattern.replace('x', '0'), 16);
        int free = ~Integer.parseUnsignedInt(pattern.replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
        int sub = 0;
        do {
            int tag = base | sub;
            if ((tag & 0xFFFF) != 0 && !elements.containsKey(String.format("%08X", tag))) return tag;
            sub = (sub - free) & free; // next subset of the free bits, ascending
        } while (sub != 0);
        throw new IllegalStateException("no free instance of " + pattern);
    }

    static void writeTagJava(Map<String, Element> elements) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("// ").append(HEADER).append("\npackage org.arca.dicom.dict;\n\n");
        b.append("/**\n * Tags of the DICOM data dictionary (PS3.6 and the command group of PS3.7), by keyword,\n")
                .append(" * retired ones included. A repeating element (e.g. 60xx,3000) is given by its first\n")
                .append(" * instance (0x60003000); add the group offset to address another one.\n */\n");
        b.append("public final class Tag {\n    private Tag() {}\n\n");
        for (Element e : elements.values()) {
            if (e.keyword().isEmpty()) continue;
            b.append("    /** (").append(e.tag(), 0, 4).append(',').append(e.tag(), 4, 8).append(") ")
                    .append(e.vr()).append(" ").append(e.vm()).append(' ').append(javadoc(e.name()))
                    .append(e.retired() ? " (retired)" : "").append(" */\n");
            int tag = e.tag().indexOf('x') < 0 ? Integer.parseUnsignedInt(e.tag(), 16) : firstInstance(e.tag(), elements);
            b.append("    public static final int ").append(e.keyword()).append(" = 0x")
                    .append(String.format("%08X", tag)).append(";\n");
        }
        b.append("}\n");
        write(SRC + "Tag.java", b.toString());
    }

    static void writeUidJava(List<Uid> uids) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("// ").append(HEADER).append("\npackage org.arca.dicom.dict;\n\n");
        b.append("""
                /**
                 * UIDs of the DICOM registry (PS3.6 Annex A), by keyword, and look-ups over the whole registry.
                 * The look-ups are backed by uids.tsv, loaded on first use by {@link UidRegistry}.
                 */
                public final class UID {
                    private UID() {}

                    /** The UID's name, "" when unknown. */
                    public static String nameOf(String uid) { return UidRegistry.nameOf(uid); }

                    /** "SOP Class", "Transfer Syntax", "Meta SOP Class", ...; "" when unknown. */
                    public static String typeOf(String uid) { return UidRegistry.typeOf(uid); }

                    /** The keyword (the name of the constant here), "" when unknown. */
                    public static String keywordOf(String uid) { return UidRegistry.keywordOf(uid); }

                    /** The UID for a keyword, null when unknown. */
                    public static String forKeyword(String keyword) { return UidRegistry.forKeyword(keyword); }

                    public static boolean isRetired(String uid) { return UidRegistry.isRetired(uid); }

                    /**
                     * The Storage SOP classes the archive accepts by default, retired ones included
                     * (see {@link UidRegistry#isStorage} for the rule and why).
                     */
                    public static java.util.List<String> storageSopClasses() { return UidRegistry.storageSopClasses(); }

                """);
        for (Uid u : uids) {
            if (u.keyword().isEmpty()) continue;
            b.append("    /** ").append(javadoc(u.name())).append(", ").append(u.type())
                    .append(u.retired() ? " (retired)" : "").append(" */\n");
            b.append("    public static final String ").append(u.keyword()).append(" = \"").append(u.uid()).append("\";\n");
        }
        b.append("}\n");
        write(SRC + "UID.java", b.toString());
    }

    static String javadoc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
    }

    static void write(String path, String content) throws IOException {
        Path p = Path.of(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }
}
