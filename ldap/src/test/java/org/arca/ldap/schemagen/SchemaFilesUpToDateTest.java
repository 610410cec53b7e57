package org.arca.ldap.schemagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The three committed schema forms must be exactly what the generator makes of the .def files.
 * With -Darca.ldap.regenerate=true the test rewrites them instead (then commit the result).
 */
class SchemaFilesUpToDateTest {

    static Path moduleDir() {
        return Path.of(System.getProperty("arca.ldap.module.dir", "."));
    }

    @Test
    void committedFilesMatchGenerator() throws Exception {
        Path dir = moduleDir();
        if (Boolean.getBoolean("arca.ldap.regenerate")) SchemaGenerator.main(new String[] {dir.toString()});
        Map<String, String> expected = SchemaGenerator.generate(dir);
        assertEquals(6, expected.size());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            assertTrue(Files.exists(file), file + " missing: run with -Darca.ldap.regenerate=true");
            assertEquals(e.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                    file + " differs from its .def source: run with -Darca.ldap.regenerate=true");
        }
    }

    @Test
    void dicomSchemaUsesAnnexHOids() throws Exception {
        SchemaDefinition s = SchemaDefinition.parse(moduleDir().resolve("src/schema/dicom.def"));
        assertEquals("1.2.840.10008.15.0.3.13", s.attributes().stream()
                .filter(a -> a.name().equals("dicomPort")).findFirst().orElseThrow().oid());
        assertEquals("1.2.840.10008.15.0.4.4", s.objectClasses().stream()
                .filter(c -> c.name().equals("dicomDevice")).findFirst().orElseThrow().oid());
        assertEquals(SchemaDefinition.Type.INT, s.attributes().stream()
                .filter(a -> a.name().equals("dicomPort")).findFirst().orElseThrow().type());
    }
}
