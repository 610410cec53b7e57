package org.arca.ldap.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.ldif.LdifEntry;
import org.apache.directory.api.ldap.model.ldif.LdifReader;
import org.apache.directory.api.ldap.model.schema.registries.Schema;
import org.apache.directory.api.ldap.schema.loader.JarLdifSchemaLoader;

/**
 * ApacheDS's standard schemas, read straight from its jar, plus ours from apacheds/*.ldif. Loading
 * ours here rather than adding the entries to ou=schema after startup avoids extracting and
 * rewriting a thousand schema files on disk at every start, which cost seconds.
 */
final class ArcaSchemaLoader extends JarLdifSchemaLoader {

    private final Map<String, List<Entry>> attributeTypes = new HashMap<>();
    private final Map<String, List<Entry>> objectClasses = new HashMap<>();

    ArcaSchemaLoader(List<String> resources) throws IOException, LdapException {
        for (String resource : resources) read(resource);
    }

    private void read(String resource) throws IOException, LdapException {
        String schemaName = null;
        try (InputStream in = Resources.open(resource); LdifReader reader = new LdifReader(in)) {
            for (LdifEntry ldif : reader) {
                Entry e = ldif.getEntry();
                if (e.hasObjectClass("metaSchema")) {
                    Schema schema = getSchema(e);
                    schemaName = key(schema.getSchemaName());
                    schemaMap.put(schema.getSchemaName(), schema);
                } else if (e.hasObjectClass("metaAttributeType")) {
                    attributeTypes.computeIfAbsent(require(schemaName, resource), k -> new ArrayList<>()).add(e);
                } else if (e.hasObjectClass("metaObjectClass")) {
                    objectClasses.computeIfAbsent(require(schemaName, resource), k -> new ArrayList<>()).add(e);
                }
                // the ou=attributeTypes / ou=objectClasses containers carry nothing the registries need
            }
        }
    }

    private static String require(String schemaName, String resource) {
        if (schemaName == null) throw new IllegalStateException(resource + ": metaSchema entry must come first");
        return schemaName;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Entry> loadAttributeTypes(Schema... schemas) throws LdapException, IOException {
        return merge(super.loadAttributeTypes(schemas), attributeTypes, schemas);
    }

    @Override
    public List<Entry> loadObjectClasses(Schema... schemas) throws LdapException, IOException {
        return merge(super.loadObjectClasses(schemas), objectClasses, schemas);
    }

    private static List<Entry> merge(List<Entry> standard, Map<String, List<Entry>> ours, Schema... schemas) {
        List<Entry> all = new ArrayList<>(standard);
        if (schemas != null)
            for (Schema s : schemas) all.addAll(ours.getOrDefault(key(s.getSchemaName()), List.of()));
        return all;
    }
}
