package org.arca.tools.storescp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The short name DCMTK's storescp puts in front of a file name for a SOP class ("CT",
 * "SRt", ...; "UNKNOWN" otherwise). The table was derived from DCMTK's observable behaviour
 * by tools/gen/modality-prefixes.sh.
 */
final class ModalityPrefixes {
    static final String UNKNOWN = "UNKNOWN";
    private static final Map<String, String> TABLE = load();

    private ModalityPrefixes() {
    }

    static String of(String sopClassUID) {
        return sopClassUID == null ? UNKNOWN : TABLE.getOrDefault(sopClassUID.trim(), UNKNOWN);
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = ModalityPrefixes.class.getResourceAsStream("modality-prefixes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("modality-prefixes.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    m.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
