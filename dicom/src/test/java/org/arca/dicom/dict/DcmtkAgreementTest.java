package org.arca.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arca.dicom.data.VR;
import org.junit.jupiter.api.Test;

/**
 * Checks the generated table against DCMTK's independent transcription of PS3.6: every
 * plain-tag entry of dicom.dic must have our VR and keyword. DCMTK's ambiguous codes
 * (xs, ox, px, lt, na) are skipped; "up" is its name for UL. Fails when DCMTK is absent: ./arca test installs it.
 */
class DcmtkAgreementTest {

    static final Path DIC = Path.of("/usr/share/libdcmtk17/dicom.dic");
    static final Pattern PLAIN = Pattern.compile("\\(([0-9A-F]{4}),([0-9A-F]{4})\\)");

    @Test
    void everyPlainDcmtkEntryAgrees() throws IOException {
        assertTrue(Files.isRegularFile(DIC), "DCMTK dicom.dic missing: install the Debian package libdcmtk17 (comes with dcmtk)");
        List<String> errors = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(DIC, StandardCharsets.ISO_8859_1)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            Matcher m = PLAIN.matcher(f[0]);
            if (!m.matches() || !f[4].startsWith("DICOM")) continue;
            int tag = Integer.parseUnsignedInt(m.group(1) + m.group(2), 16);
            String keyword = f[2].startsWith("RETIRED_") ? f[2].substring(8) : f[2];
            if (!keyword.equals(ElementDictionary.keywordOf(tag)))
                errors.add(f[0] + " keyword " + keyword + " vs " + ElementDictionary.keywordOf(tag));
            String code = f[1].equals("up") ? "UL" : f[1];
            if (!code.equals(code.toUpperCase())) continue; // ambiguous in DCMTK
            if (VR.valueOf(code) != ElementDictionary.vrOf(tag))
                errors.add(f[0] + " VR " + code + " vs " + ElementDictionary.vrOf(tag));
            checked++;
        }
        assertEquals(List.of(), errors);
        assertTrue(checked > 4500, "checked: " + checked);
    }
}
