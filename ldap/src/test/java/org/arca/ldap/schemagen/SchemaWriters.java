package org.arca.ldap.schemagen;

import java.util.List;

import org.arca.ldap.schemagen.SchemaDefinition.AttributeDef;
import org.arca.ldap.schemagen.SchemaDefinition.ObjectClassDef;

/** Renders a {@link SchemaDefinition} as OpenLDAP .schema, OpenLDAP cn=config LDIF and ApacheDS LDIF. */
final class SchemaWriters {

    private SchemaWriters() {}

    static String header(SchemaDefinition s, String commentPrefix) {
        return commentPrefix + " Arca LDAP schema '" + s.name() + "'. GENERATED from ldap/src/schema/" + s.name()
                + ".def by SchemaGenerator: edit the .def file, not this one.\n";
    }

    // ---- RFC 4512 descriptions, shared by the .schema file and cn=config

    static String attributeDescription(AttributeDef a, String sep) {
        StringBuilder sb = new StringBuilder("( ").append(a.oid()).append(" NAME ").append(names(a.names()));
        sb.append(sep).append("DESC '").append(a.description()).append('\'');
        sb.append(sep).append("EQUALITY ").append(a.type().equality);
        if (a.type().ordering != null) sb.append(sep).append("ORDERING ").append(a.type().ordering);
        if (a.type().substr != null) sb.append(sep).append("SUBSTR ").append(a.type().substr);
        sb.append(sep).append("SYNTAX ").append(a.type().syntax);
        if (a.single()) sb.append(sep).append("SINGLE-VALUE");
        return sb.append(" )").toString();
    }

    static String objectClassDescription(ObjectClassDef c, String sep) {
        StringBuilder sb = new StringBuilder("( ").append(c.oid()).append(" NAME '").append(c.name()).append('\'');
        sb.append(sep).append("DESC '").append(c.description()).append('\'');
        sb.append(sep).append("SUP ").append(c.sup()).append(' ').append(c.kind());
        if (!c.must().isEmpty()) sb.append(sep).append("MUST ").append(oids(c.must()));
        if (!c.may().isEmpty()) sb.append(sep).append("MAY ").append(oids(c.may()));
        return sb.append(" )").toString();
    }

    private static String names(List<String> names) {
        if (names.size() == 1) return '\'' + names.get(0) + '\'';
        StringBuilder sb = new StringBuilder("(");
        for (String n : names) sb.append(" '").append(n).append('\'');
        return sb.append(" )").toString();
    }

    private static String oids(List<String> list) {
        return list.size() == 1 ? list.get(0) : "( " + String.join(" $ ", list) + " )";
    }

    // ---- the three files

    static String openLdapSchema(SchemaDefinition s) {
        StringBuilder sb = new StringBuilder(header(s, "#"));
        sb.append("# Include in slapd.conf after core.schema").append(s.depends().contains("dicom") ? " and dicom.schema" : "")
          .append(".\n\n");
        for (AttributeDef a : s.attributes())
            sb.append("attributetype ").append(attributeDescription(a, "\n\t")).append("\n\n");
        for (ObjectClassDef c : s.objectClasses())
            sb.append("objectclass ").append(objectClassDescription(c, "\n\t")).append("\n\n");
        return sb.toString();
    }

    /** cn=config entry; LDIF folding: a continuation line starts with one space that is dropped. */
    static String slapdLdif(SchemaDefinition s) {
        StringBuilder sb = new StringBuilder(header(s, "#"));
        sb.append("# Apply as the config admin: ldapadd -x -H ldap://HOST:PORT -D cn=config -w PW -f FILE\n");
        sb.append("dn: cn=").append(s.name()).append(",cn=schema,cn=config\n");
        sb.append("objectClass: olcSchemaConfig\n");
        sb.append("cn: ").append(s.name()).append('\n');
        for (AttributeDef a : s.attributes())
            sb.append("olcAttributeTypes: ").append(attributeDescription(a, "\n  ")).append('\n');
        for (ObjectClassDef c : s.objectClasses())
            sb.append("olcObjectClasses: ").append(objectClassDescription(c, "\n  ")).append('\n');
        return sb.toString();
    }

    /** ApacheDS meta-schema entries below ou=schema. */
    static String apacheDsLdif(SchemaDefinition s) {
        String base = "cn=" + s.name() + ",ou=schema";
        StringBuilder sb = new StringBuilder(header(s, "#"));
        sb.append("# Loaded into ou=schema by org.arca.ldap.embedded.EmbeddedDirectory at every start.\n\n");
        sb.append("dn: ").append(base).append("\nobjectClass: top\nobjectClass: metaSchema\ncn: ").append(s.name()).append('\n');
        for (String d : s.depends()) sb.append("m-dependencies: ").append(d).append('\n');
        sb.append('\n');
        sb.append("dn: ou=attributeTypes,").append(base).append("\nobjectClass: top\nobjectClass: organizationalUnit\nou: attributeTypes\n\n");
        for (AttributeDef a : s.attributes()) {
            sb.append("dn: m-oid=").append(a.oid()).append(",ou=attributeTypes,").append(base).append('\n');
            sb.append("objectClass: top\nobjectClass: metaTop\nobjectClass: metaAttributeType\n");
            sb.append("m-oid: ").append(a.oid()).append('\n');
            for (String n : a.names()) sb.append("m-name: ").append(n).append('\n');
            sb.append("m-description: ").append(a.description()).append('\n');
            sb.append("m-equality: ").append(a.type().equality).append('\n');
            if (a.type().ordering != null) sb.append("m-ordering: ").append(a.type().ordering).append('\n');
            if (a.type().substr != null) sb.append("m-substr: ").append(a.type().substr).append('\n');
            sb.append("m-syntax: ").append(a.type().syntax).append('\n');
            if (a.single()) sb.append("m-singleValue: TRUE\n");
            sb.append('\n');
        }
        sb.append("dn: ou=objectClasses,").append(base).append("\nobjectClass: top\nobjectClass: organizationalUnit\nou: objectClasses\n\n");
        for (ObjectClassDef c : s.objectClasses()) {
            sb.append("dn: m-oid=").append(c.oid()).append(",ou=objectClasses,").append(base).append('\n');
            sb.append("objectClass: top\nobjectClass: metaTop\nobjectClass: metaObjectClass\n");
            sb.append("m-oid: ").append(c.oid()).append('\n');
            sb.append("m-name: ").append(c.name()).append('\n');
            sb.append("m-description: ").append(c.description()).append('\n');
            sb.append("m-supObjectClass: ").append(c.sup()).append('\n');
            sb.append("m-typeObjectClass: ").append(c.kind()).append('\n');
            for (String m : c.must()) sb.append("m-must: ").append(m).append('\n');
            for (String m : c.may()) sb.append("m-may: ").append(m).append('\n');
            sb.append('\n');
        }
        return sb.toString();
    }
}
