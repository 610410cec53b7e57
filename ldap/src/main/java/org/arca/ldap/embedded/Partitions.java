package org.arca.ldap.embedded;

import java.io.File;
import java.util.List;

import org.apache.directory.api.ldap.model.constants.SchemaConstants;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.LdapComparator;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.model.schema.comparators.NormalizingComparator;
import org.apache.directory.api.ldap.schema.manager.impl.DefaultSchemaManager;
import org.apache.directory.server.constants.ServerDNConstants;
import org.apache.directory.server.core.api.DirectoryService;
import org.apache.directory.server.core.api.schema.SchemaPartition;
import org.apache.directory.server.core.partition.impl.avl.AvlPartition;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmIndex;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmPartition;

/** Builds the partitions of the embedded directory. */
final class Partitions {

    /** Attributes the configuration loader searches by, indexed in the data partition. */
    private static final List<String> DATA_INDEXES = List.of(SchemaConstants.OBJECT_CLASS_AT, "cn",
            "dicomDeviceName", "dicomAETitle", "dcmWebAppName");

    private Partitions() {}

    /** The standard schemas and ours, held in memory only (see ArcaSchemaLoader). */
    static SchemaManager schemaManager() throws Exception {
        SchemaManager sm = new DefaultSchemaManager(new ArcaSchemaLoader(Resources.APACHEDS_SCHEMA));
        sm.loadAllEnabled();
        if (!sm.getErrors().isEmpty()) throw new IllegalStateException("LDAP schema errors: " + sm.getErrors());
        // as ApacheDS's own service factory does: values reaching comparators are already normalized
        for (LdapComparator<?> comparator : sm.getComparatorRegistry())
            if (comparator instanceof NormalizingComparator nc) nc.setOnServer();
        return sm;
    }

    /**
     * ou=schema in memory: the schema comes from the jar at every start, so nothing about it is
     * kept on disk. Schema changes over LDAP are therefore not persistent, by design.
     */
    static SchemaPartition schemaPartition(DirectoryService service) throws Exception {
        SchemaPartition schemaPartition = new SchemaPartition(service.getSchemaManager());
        schemaPartition.setWrappedPartition(new AvlPartition(service.getSchemaManager(), service.getDnFactory()));
        return schemaPartition;
    }

    /** ou=system in memory: it only holds uid=admin,ou=system, whose password is set at every start. */
    static AvlPartition systemPartition(DirectoryService service) throws Exception {
        AvlPartition p = new AvlPartition(service.getSchemaManager(), service.getDnFactory());
        p.setId("system");
        p.setSuffixDn(new Dn(service.getSchemaManager(), ServerDNConstants.SYSTEM_DN));
        return p;
    }

    static JdbmPartition dataPartition(DirectoryService service, String suffix, File dir) throws Exception {
        JdbmPartition p = jdbm(service, "dcm4che", suffix, dir);
        for (String at : DATA_INDEXES) p.addIndexedAttributes(new JdbmIndex<>(at, false));
        return p;
    }

    private static JdbmPartition jdbm(DirectoryService service, String id, String suffix, File dir) throws Exception {
        JdbmPartition p = new JdbmPartition(service.getSchemaManager(), service.getDnFactory());
        p.setId(id);
        p.setSuffixDn(new Dn(service.getSchemaManager(), suffix));
        p.setPartitionPath(dir.toURI());
        // entries kept deserialized: a device with 1,000 AEs has over 2,000 entries, and a
        // cache smaller than one device makes every load read and decode them all again
        p.setCacheSize(20_000);
        p.setSyncOnWrite(true); // a configuration change must survive a crash of the server
        return p;
    }
}
