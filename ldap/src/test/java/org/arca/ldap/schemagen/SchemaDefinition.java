package org.arca.ldap.schemagen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schema as described in a {@code src/schema/*.def} file: the single source from which the
 * OpenLDAP, cn=config and ApacheDS forms are generated.
 */
record SchemaDefinition(String name, String arc, List<String> depends,
                        List<AttributeDef> attributes, List<ObjectClassDef> objectClasses) {

    /** LDAP syntax and matching rules of an attribute type, by the short type names of the .def files. */
    enum Type {
        STRING("1.3.6.1.4.1.1466.115.121.1.15", "caseExactMatch", null, "caseExactSubstringsMatch"),
        IA5("1.3.6.1.4.1.1466.115.121.1.26", "caseExactIA5Match", null, null),
        INT("1.3.6.1.4.1.1466.115.121.1.27", "integerMatch", "integerOrderingMatch", null),
        BOOL("1.3.6.1.4.1.1466.115.121.1.7", "booleanMatch", null, null),
        DN("1.3.6.1.4.1.1466.115.121.1.12", "distinguishedNameMatch", null, null),
        OCTET("1.3.6.1.4.1.1466.115.121.1.40", "octetStringMatch", null, null),
        TIME("1.3.6.1.4.1.1466.115.121.1.24", "generalizedTimeMatch", "generalizedTimeOrderingMatch", null);

        final String syntax, equality, ordering, substr;

        Type(String syntax, String equality, String ordering, String substr) {
            this.syntax = syntax;
            this.equality = equality;
            this.ordering = ordering;
            this.substr = substr;
        }
    }

    record AttributeDef(String oid, List<String> names, Type type, boolean single, String description) {
        String name() { return names.get(0); }
    }

    record ObjectClassDef(String oid, String name, String kind, String sup,
                          List<String> must, List<String> may, String description) {}

    static SchemaDefinition parse(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static SchemaDefinition parse(List<String> rawLines, String source) {
        String name = null, arc = null;
        List<String> depends = List.of();
        List<AttributeDef> attrs = new ArrayList<>();
        List<ObjectClassDef> classes = new ArrayList<>();
        for (String line : logicalLines(rawLines)) {
            List<String> t = tokens(line);
            switch (t.get(0)) {
                case "schema" -> name = t.get(1);
                case "arc" -> arc = t.get(1);
                case "depends" -> depends = List.of(t.get(1).split(","));
                case "attribute" -> attrs.add(attribute(arc, t, source));
                case "objectclass" -> classes.add(objectClass(arc, t, source));
                default -> throw new IllegalArgumentException(source + ": unknown statement: " + line);
            }
        }
        if (name == null || arc == null)
            throw new IllegalArgumentException(source + ": 'schema' and 'arc' are required");
        return new SchemaDefinition(name, arc, depends, attrs, classes);
    }

    private static AttributeDef attribute(String arc, List<String> t, String source) {
        // attribute <oid> <names> <type> [single] "<description>"
        boolean single = t.size() == 6 && t.get(4).equals("single");
        if (t.size() != (single ? 6 : 5))
            throw new IllegalArgumentException(source + ": bad attribute " + t);
        return new AttributeDef(arc + '.' + t.get(1), List.of(t.get(2).split(",")),
                Type.valueOf(t.get(3).toUpperCase()), single, description(t.get(t.size() - 1), source));
    }

    private static ObjectClassDef objectClass(String arc, List<String> t, String source) {
        // objectclass <oid> <name> <kind> key=value... "<description>"
        Map<String, String> kv = new LinkedHashMap<>();
        for (String s : t.subList(4, t.size() - 1)) {
            int eq = s.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException(source + ": bad objectclass option " + s);
            kv.put(s.substring(0, eq), s.substring(eq + 1));
        }
        String kind = t.get(3);
        if (!kind.equals("STRUCTURAL") && !kind.equals("AUXILIARY") && !kind.equals("ABSTRACT"))
            throw new IllegalArgumentException(source + ": bad kind " + kind);
        return new ObjectClassDef(arc + '.' + t.get(1), t.get(2), kind, kv.getOrDefault("sup", "top"),
                list(kv.get("must")), list(kv.get("may")), description(t.get(t.size() - 1), source));
    }

    private static List<String> list(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static String description(String quoted, String source) {
        if (!quoted.startsWith("\"") || !quoted.endsWith("\""))
            throw new IllegalArgumentException(source + ": description must be quoted: " + quoted);
        String d = quoted.substring(1, quoted.length() - 1);
        // keeps every output format free of escaping rules
        if (d.indexOf('\'') >= 0 || d.indexOf('\\') >= 0)
            throw new IllegalArgumentException(source + ": no quote or backslash in descriptions: " + d);
        return d;
    }

    /** Drops comments and blank lines; an indented line continues the line above. */
    private static List<String> logicalLines(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String line : raw) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (Character.isWhitespace(line.charAt(0)) && !out.isEmpty()) {
                String prev = out.remove(out.size() - 1);
                String cont = line.strip();
                out.add(prev.endsWith(",") ? prev + cont : prev + ' ' + cont);
            } else {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            if (line.charAt(i) == ' ') { i++; continue; }
            int end;
            if (line.charAt(i) == '"') {
                end = line.indexOf('"', i + 1) + 1;
                if (end == 0) throw new IllegalArgumentException("unterminated quote: " + line);
            } else {
                end = line.indexOf(' ', i);
                if (end < 0) end = n;
            }
            out.add(line.substring(i, end));
            i = end;
        }
        return out;
    }
}
