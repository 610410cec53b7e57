package org.arca.ldap.schemagen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates ldap/slapd/NN-name.ldif, ldap/schema/name.schema and ldap/apacheds/NN-name.ldif from
 * ldap/src/schema/*.def. Run {@code main(moduleDir)} after editing a .def file and commit the output;
 * SchemaFilesUpToDateTest fails while the committed files differ from what this produces.
 */
public final class SchemaGenerator {

    /** The schemas in load order; the number prefixes the cn=config and ApacheDS file names. */
    static final List<String> SCHEMAS = List.of("dicom", "arca");

    /** Attribute types our classes use from the standard schemas every server has. */
    private static final Set<String> CORE_ATTRIBUTES = Set.of("cn", "description");

    private SchemaGenerator() {}

    /** Relative path (below the ldap module) to generated content. */
    static Map<String, String> generate(Path moduleDir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> known = new HashSet<>(CORE_ATTRIBUTES);
        int n = 1;
        for (String name : SCHEMAS) {
            SchemaDefinition s = SchemaDefinition.parse(moduleDir.resolve("src/schema/" + name + ".def"));
            if (!s.name().equals(name)) throw new IllegalStateException(name + ".def declares schema " + s.name());
            s.attributes().forEach(a -> known.addAll(a.names()));
            checkReferences(s, known);
            String prefix = String.format("%02d-", n++);
            files.put("slapd/" + prefix + name + ".ldif", SchemaWriters.slapdLdif(s));
            files.put("schema/" + name + ".schema", SchemaWriters.openLdapSchema(s));
            files.put("apacheds/" + prefix + name + ".ldif", SchemaWriters.apacheDsLdif(s));
        }
        return files;
    }

    /** A class naming an undefined attribute would only fail at load time in the server; fail here. */
    private static void checkReferences(SchemaDefinition s, Set<String> known) {
        Set<String> oids = new HashSet<>();
        for (var a : s.attributes())
            if (!oids.add(a.oid())) throw new IllegalStateException("duplicate OID " + a.oid());
        for (var c : s.objectClasses()) {
            if (!oids.add(c.oid())) throw new IllegalStateException("duplicate OID " + c.oid());
            for (String at : c.must()) if (!known.contains(at))
                throw new IllegalStateException(c.name() + ": unknown MUST attribute " + at);
            for (String at : c.may()) if (!known.contains(at))
                throw new IllegalStateException(c.name() + ": unknown MAY attribute " + at);
        }
    }

    public static void main(String[] args) throws IOException {
        Path moduleDir = Path.of(args.length > 0 ? args[0] : "ldap");
        for (Map.Entry<String, String> e : generate(moduleDir).entrySet()) {
            Path out = moduleDir.resolve(e.getKey());
            Files.createDirectories(out.getParent());
            Files.writeString(out, e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
    }
}
