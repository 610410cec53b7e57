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

/**
 * The UID registry of PS3.6 Annex A, read from uids.tsv (written by
 * dicom/gen/GenerateDictionary.java) on first use. {@link UID} is its public face.
 */
final class UidRegistry {

    private UidRegistry() {}

    record Entry(String uid, String type, boolean retired, String keyword, String name) {}

    static String nameOf(String uid) {
        Entry e = Table.INSTANCE.byUid.get(uid);
        return e != null ? e.name() : "";
    }

    static String typeOf(String uid) {
        Entry e = Table.INSTANCE.byUid.get(uid);
        return e != null ? e.type() : "";
    }

    static String keywordOf(String uid) {
        Entry e = Table.INSTANCE.byUid.get(uid);
        return e != null ? e.keyword() : "";
    }

    static String forKeyword(String keyword) {
        Entry e = Table.INSTANCE.byKeyword.get(keyword);
        return e != null ? e.uid() : null;
    }

    static boolean isRetired(String uid) {
        Entry e = Table.INSTANCE.byUid.get(uid);
        return e != null && e.retired();
    }

    static List<String> storageSopClasses() {
        return Table.INSTANCE.storage;
    }

    static List<Entry> entries() {
        return Table.INSTANCE.entries;
    }

    /**
     * A SOP class of the Storage service class (PS3.4 Annex B) or of the storage-like classes
     * that also use C-STORE (hanging protocols, color palettes, implant templates, protocols...):
     * its name ends in "Storage", or in "Storage - For Presentation/Processing".
     * Retired ones are included on purpose: old modalities still send e.g. the retired
     * Ultrasound Image Storage, and an archive loses nothing by accepting them.
     * Excluded: "Media Storage Directory Storage" (DICOMDIR, media only), the draft
     * "... Storage - Trial" classes, the print "... Storage SOP Class" classes and
     * Storage Commitment (whose names do not end in "Storage").
     */
    static boolean isStorage(Entry e) {
        String n = e.name();
        return e.type().equals("SOP Class")
                && (n.endsWith(" Storage") || n.endsWith(" Storage - For Presentation")
                        || n.endsWith(" Storage - For Processing"))
                && !n.equals("Media Storage Directory Storage");
    }

    private static final class Table {
        static final Table INSTANCE = load();

        final List<Entry> entries;
        final Map<String, Entry> byUid = new HashMap<>();
        final Map<String, Entry> byKeyword = new HashMap<>();
        final List<String> storage;

        private Table(List<Entry> entries) {
            this.entries = List.copyOf(entries);
            List<String> s = new ArrayList<>();
            for (Entry e : entries) {
                byUid.put(e.uid(), e);
                if (!e.keyword().isEmpty()) byKeyword.put(e.keyword(), e);
                if (isStorage(e)) s.add(e.uid());
            }
            storage = List.copyOf(s);
        }

        private static Table load() {
            try (InputStream in = UidRegistry.class.getResourceAsStream("uids.tsv")) {
                if (in == null) throw new IllegalStateException("uids.tsv missing from the classpath");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<Entry> entries = new ArrayList<>(500);
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isEmpty() || line.charAt(0) == '#') continue;
                    String[] f = line.split("\t", -1);
                    if (f.length != 5) throw new IllegalStateException("bad uids.tsv line: " + line);
                    entries.add(new Entry(f[0], f[1], f[2].equals("R"), f[3], f[4]));
                }
                return new Table(entries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
