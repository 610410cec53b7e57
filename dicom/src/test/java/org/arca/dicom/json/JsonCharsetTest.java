package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.io.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clunie's character set files (ISO 8859, ISO 2022 with JIS and KS X 1001 escapes, UTF-8,
 * GB18030): the JSON holds, as Unicode strings, exactly what our model decodes for every PN,
 * LO, SH, ST, LT, UT, UC value, and (0008,0005) as in the source (PS3.18 F.2.2 note 3).
 */
class JsonCharsetTest {

    @TestFactory
    List<DynamicTest> charsetFiles() throws IOException {
        Assumptions.assumeTrue(TestFiles.available(), "pydicom test files not installed");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestFiles.CHARSET_FILES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
            }
        }
        assertTrue(tests.size() >= 15);
        return tests;
    }

    private static void check(Path file) throws IOException {
        Attributes a = RoundTripFiles.read(file, Long.MAX_VALUE);
        String json = JsonRoundTripTest.write(a, BulkDataPolicy.inline());
        // a generic view of the JSON: our parser, without the DICOM reader's re-encoding
        JsonParser p = new JsonParser(new StringReader(json));
        List<String> strings = new ArrayList<>();
        for (JsonParser.Token t = p.next(); t != JsonParser.Token.EOF; t = p.next()) {
            if (t == JsonParser.Token.STRING) {
                strings.add(p.text());
            }
        }
        int checked = 0;
        for (int i = 0; i < a.size(); i++) {
            VR vr = a.vrAt(i);
            if (vr.usesCharacterSet()) {
                for (String s : a.getStrings(a.tagAt(i))) {
                    for (String part : vr == VR.PN ? ValueFormat.personNameGroups(s) : new String[] {s}) {
                        if (!part.isEmpty()) {
                            assertTrue(strings.contains(part), () -> "JSON lacks \"" + part + "\"");
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 0, "no text value checked");
        Attributes back = JsonRoundTripTest.read(json);
        assertArrayEquals(a.getStrings(0x00080005), back.getStrings(0x00080005));
        // the same name, less a trailing empty group ("A=B=" is "A=B", PS3.5 6.2)
        String name = a.getString(0x00100010);
        assertEquals(name == null ? null : ValueFormat.join('=', ValueFormat.personNameGroups(name)),
                back.getString(0x00100010));
    }
}
