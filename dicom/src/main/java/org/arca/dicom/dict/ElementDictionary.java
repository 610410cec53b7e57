package org.arca.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arca.dicom.data.VR;

/**
 * The DICOM data dictionary (PS3.6 section 6, PS3.7 command group), read from elements.tsv,
 * which dicom/gen/GenerateDictionary.java writes. The table is parsed once, on first use.
 *
 * <p>Exact tags are looked up by binary search over a sorted int[]; repeating-group entries
 * such as (60xx,3000) are kept per mask, one binary search per distinct mask (five of them).
 *
 * <p>Where PS3.6 allows several VRs, {@link #vrOf} picks the one used to decode Implicit VR
 * data (PS3.5 A.1 and 8.1.2): "OB or OW" is OW; "US or SS" and "US or SS or OW" are US, the
 * bytes are the same and Pixel Representation tells the caller when they are signed;
 * "US or OW" (LUT Data) is OW, because a table of 65536 entries does not fit the 16-bit
 * length of an explicit US header. {@link #vrTextOf} gives the standard's text.
 */
public final class ElementDictionary {

    private ElementDictionary() {}

    /** VR for Implicit VR decoding: dictionary, then group length UL, private creator LO, else UN. */
    public static VR vrOf(int tag) {
        Table t = Table.INSTANCE;
        int i = t.indexOf(tag);
        if (i >= 0) return t.vr[i];
        if ((tag & 0xFFFF) == 0) return VR.UL;
        if (isPrivateCreator(tag)) return VR.LO;
        return VR.UN;
    }

    /** The VR column of PS3.6, e.g. "US or SS", "NONE" for items and delimiters; "" when unknown. */
    public static String vrTextOf(int tag) {
        int i = Table.INSTANCE.indexOf(tag);
        return i >= 0 ? Table.INSTANCE.vrText[i] : "";
    }

    public static String keywordOf(int tag) {
        int i = Table.INSTANCE.indexOf(tag);
        return i >= 0 ? Table.INSTANCE.keyword[i] : "";
    }

    /** The tag for a keyword, -1 when unknown; repeating-group elements give their first group. */
    public static int tagOf(String keyword) {
        Integer tag = Table.INSTANCE.byKeyword.get(keyword);
        return tag != null ? tag : -1;
    }

    public static String vmOf(int tag) {
        int i = Table.INSTANCE.indexOf(tag);
        return i >= 0 ? Table.INSTANCE.vm[i] : "";
    }

    public static String nameOf(int tag) {
        int i = Table.INSTANCE.indexOf(tag);
        return i >= 0 ? Table.INSTANCE.name[i] : "";
    }

    public static boolean isRetired(int tag) {
        int i = Table.INSTANCE.indexOf(tag);
        return i >= 0 && Table.INSTANCE.retired[i];
    }

    /** (gggg,0010-00FF) with gggg odd: reserves a block of private elements (PS3.5 7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return (tag & 0x10000) != 0 && element >= 0x0010 && element <= 0x00FF;
    }

    /** The VR used for Implicit VR decoding when PS3.6 lists several; see the class comment. */
    static VR resolve(String vrText) {
        return switch (vrText) {
            case "OB or OW", "US or OW" -> VR.OW;
            case "US or SS", "US or SS or OW" -> VR.US;
            case "NONE" -> VR.UN; // items and delimiters have no VR; readers handle them structurally
            default -> VR.valueOf(vrText);
        };
    }

    /** Every entry's tag in table order, repeating entries by their first group; for tests. */
    static int[] allTags() {
        return Table.INSTANCE.allTags.clone();
    }

    /** Parallel arrays indexed by entry: exact tags first, then repeating entries. */
    private static final class Table {
        static final Table INSTANCE = load();

        final int[] exact;              // sorted as unsigned ints
        final int[] exactIndex;         // entry index of each exact tag
        final int[] masks;              // distinct masks of repeating entries
        final int[][] maskedValues;     // per mask, sorted values
        final int[][] maskedIndex;      // per mask, entry index of each value
        final int[] allTags;
        final VR[] vr;
        final String[] vrText, vm, keyword, name;
        final boolean[] retired;
        final Map<String, Integer> byKeyword = new HashMap<>();

        private Table(List<String[]> rows) {
            int n = rows.size();
            vr = new VR[n];
            vrText = new String[n];
            vm = new String[n];
            keyword = new String[n];
            name = new String[n];
            retired = new boolean[n];
            allTags = new int[n];
            Map<String, String> interned = new HashMap<>(); // VR and VM texts repeat a lot
            int nExact = 0;
            // Masked lists keyed by mask; TreeMap keeps the mask order stable.
            TreeMap<Integer, List<int[]>> byMask = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String[] f = rows.get(i);
                String pattern = f[0];
                int value = Integer.parseUnsignedInt(pattern.replace('x', '0'), 16);
                allTags[i] = value;
                vrText[i] = interned.computeIfAbsent(f[1], s -> s);
                vr[i] = resolve(f[1]);
                vm[i] = interned.computeIfAbsent(f[2], s -> s);
                retired[i] = f[3].equals("R");
                keyword[i] = f[4];
                name[i] = f[5];
                if (pattern.indexOf('x') < 0) {
                    nExact++;
                } else {
                    int mask = Integer.parseUnsignedInt(pattern.replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
                    byMask.computeIfAbsent(mask, k -> new ArrayList<>()).add(new int[] {value, i});
                }
            }
            // The generator writes exact tags in ascending order, each before any pattern of equal value.
            exact = new int[nExact];
            exactIndex = new int[nExact];
            for (int i = 0, j = 0; i < n; i++) {
                if (rows.get(i)[0].indexOf('x') < 0) {
                    exact[j] = allTags[i];
                    exactIndex[j++] = i;
                }
            }
            masks = new int[byMask.size()];
            maskedValues = new int[masks.length][];
            maskedIndex = new int[masks.length][];
            int m = 0;
            for (Map.Entry<Integer, List<int[]>> e : byMask.entrySet()) {
                List<int[]> l = e.getValue();
                l.sort((a, b) -> Integer.compareUnsigned(a[0], b[0]));
                masks[m] = e.getKey();
                maskedValues[m] = l.stream().mapToInt(a -> a[0]).toArray();
                maskedIndex[m] = l.stream().mapToInt(a -> a[1]).toArray();
                m++;
            }
            for (int i = 0; i < n; i++) {
                if (rows.get(i)[0].indexOf('x') >= 0) allTags[i] = firstInstance(allTags[i], i);
                if (!keyword[i].isEmpty()) byKeyword.put(keyword[i], allTags[i]);
            }
            for (int i = 1; i < exact.length; i++)
                if (Integer.compareUnsigned(exact[i - 1], exact[i]) >= 0)
                    throw new IllegalStateException("elements.tsv not sorted at " + Integer.toHexString(exact[i]));
        }

        /**
         * The tag a repeating entry is known by: its lowest instance that is not a group length
         * and not an exact entry, e.g. (0028,0410) for (0028,04x0) as (0028,0400) is Transform Label.
         */
        private int firstInstance(int base, int entry) {
            int m = 0;
            while (maskedIndex[m].length == 0 || !contains(maskedIndex[m], entry)) m++;
            int free = ~masks[m];
            int sub = 0;
            do {
                int tag = base | sub;
                if ((tag & 0xFFFF) != 0 && indexOf(tag) == entry) return tag;
                sub = (sub - free) & free; // next subset of the free bits, ascending
            } while (sub != 0);
            throw new IllegalStateException("no free instance of " + Integer.toHexString(base));
        }

        private static boolean contains(int[] a, int v) {
            for (int x : a) if (x == v) return true;
            return false;
        }

        /** Entry index for a tag, -1 when the dictionary has none. */
        int indexOf(int tag) {
            int i = search(exact, tag);
            if (i >= 0) return exactIndex[i];
            if ((tag & 0x10000) != 0) return -1; // odd groups are private: no repeating entries there
            for (int m = 0; m < masks.length; m++) {
                int j = search(maskedValues[m], tag & masks[m]);
                if (j >= 0) return maskedIndex[m][j];
            }
            return -1;
        }

        private static int search(int[] a, int key) {
            int lo = 0, hi = a.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Integer.compareUnsigned(a[mid], key);
                if (c < 0) lo = mid + 1;
                else if (c > 0) hi = mid - 1;
                else return mid;
            }
            return -1;
        }

        private static Table load() {
            try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv")) {
                if (in == null) throw new IllegalStateException("elements.tsv missing from the classpath");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                List<String[]> rows = new ArrayList<>(5000);
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isEmpty() || line.charAt(0) == '#') continue;
                    String[] f = line.split("\t", -1);
                    if (f.length != 6) throw new IllegalStateException("bad elements.tsv line: " + line);
                    rows.add(f);
                }
                return new Table(rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
