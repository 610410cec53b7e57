package org.arca.ldap.embedded;

import java.io.InputStream;

import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.ldif.LdifEntry;
import org.apache.directory.api.ldap.model.ldif.LdifReader;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.server.core.api.CoreSession;

/** Adds the entries of an LDIF resource through a core session (no network, no change records). */
final class LdifImport {

    private final SchemaManager schemaManager;
    private final CoreSession session;

    LdifImport(SchemaManager schemaManager, CoreSession session) {
        this.schemaManager = schemaManager;
        this.session = session;
    }

    int importResource(String name) throws Exception {
        int count = 0;
        try (InputStream in = Resources.open(name); LdifReader reader = new LdifReader(in)) {
            for (LdifEntry ldif : reader) {
                if (!ldif.isEntry())
                    throw new IllegalArgumentException(name + ": only entries expected, got " + ldif.getChangeType());
                try {
                    session.add(new DefaultEntry(schemaManager, ldif.getEntry()));
                } catch (Exception e) {
                    throw new IllegalStateException(name + ": cannot add " + ldif.getDn() + ": " + e.getMessage(), e);
                }
                count++;
            }
        }
        return count;
    }
}
