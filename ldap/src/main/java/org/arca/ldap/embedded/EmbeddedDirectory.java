package org.arca.ldap.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.server.core.DefaultDirectoryService;
import org.apache.directory.server.core.api.CoreSession;
import org.apache.directory.server.core.api.InstanceLayout;
import org.apache.directory.server.core.shared.DefaultDnFactory;
import org.apache.directory.server.ldap.LdapServer;
import org.apache.directory.server.protocol.shared.transport.TcpTransport;

/**
 * The embedded LDAP server of Arca's embedded defaults: ApacheDS with a persistent partition
 * {@code dc=dcm4che,dc=org} below a data directory, our schema, and at first start the default
 * configuration. Production uses OpenLDAP instead (ldap/README.md).
 */
public final class EmbeddedDirectory implements AutoCloseable {

    public static final String SUFFIX = "dc=dcm4che,dc=org";
    public static final String MANAGER_DN = "cn=admin," + SUFFIX;
    /** The data files imported into an empty partition, in this order. */
    static final String[] INITIAL_DATA = {"init-baseDN.ldif", "init-config.ldif", "default-config.ldif"};

    private final String host;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final DefaultDirectoryService service;
    private final LdapServer server;

    private EmbeddedDirectory(String host, int port, FileChannel lockChannel, FileLock lock,
                              DefaultDirectoryService service, LdapServer server) {
        this.host = host;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.service = service;
        this.server = server;
    }

    /** Starts ApacheDS on host:port with a persistent partition dc=dcm4che,dc=org under dataDir (e.g. dataDir/ldap),
        manager DN cn=admin,dc=dcm4che,dc=org with the given password (also accept uid=admin,ou=system).
        Loads our schema (from the jar resources) at every start; at FIRST start (empty partition) imports
        init-baseDN.ldif, init-config.ldif, default-config.ldif. A restart keeps everything written. */
    public static EmbeddedDirectory start(Path dataDir, String host, int port, String managerPassword) throws Exception {
        Files.createDirectories(dataDir);
        // Our own lock before anything touches the directory: the schema folder is rebuilt below,
        // which must not happen under a server that is still running on the same data.
        FileChannel lockChannel = FileChannel.open(dataDir.resolve("arca-directory.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("LDAP data directory " + dataDir + " is in use by another process");
        }
        DefaultDirectoryService service = null;
        try {
            service = newService(dataDir.toFile());
            SchemaManager sm = service.getSchemaManager();
            CoreSession admin = service.getAdminSession();
            service.addPartition(Partitions.dataPartition(service, SUFFIX,
                    new File(service.getInstanceLayout().getPartitionsDirectory(), "dcm4che")));
            if (!admin.exists(new Dn(sm, SUFFIX))) {
                LdifImport importer = new LdifImport(sm, admin);
                for (String name : INITIAL_DATA) importer.importResource(name);
            }
            Accounts.setManager(sm, admin, MANAGER_DN, managerPassword);
            LdapServer server = new LdapServer();
            server.setServiceName("arca-ldap");
            server.setDirectoryService(service);
            server.setTransports(new TcpTransport(host, port));
            // ApacheDS caps searches at 1,000 entries by default; a device with many AEs is larger
            server.setMaxSizeLimit(LdapServer.NO_SIZE_LIMIT);
            // Not NO_TIME_LIMIT: ApacheDS then cuts a search that asks for a limit (Elytron's sign-in
            // realm asks for 10 s) after the server maximum, 0 s. An hour is as good as none.
            server.setMaxTimeLimit(3600);
            server.start();
            return new EmbeddedDirectory(host, port, lockChannel, lock, service, server);
        } catch (Exception | Error e) {
            if (service != null) shutdownQuietly(service, e);
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static DefaultDirectoryService newService(File dir) throws Exception {
        DefaultDirectoryService service = new DefaultDirectoryService();
        service.setInstanceId("arca");
        service.setShutdownHookEnabled(false); // close() is the owner's job (WildFly or the test)
        service.setInstanceLayout(new InstanceLayout(dir));
        service.setAllowAnonymousAccess(false);
        service.setAccessControlEnabled(false);
        service.getChangeLog().setEnabled(false); // an in-memory change log would only grow
        SchemaManager sm = Partitions.schemaManager();
        service.setSchemaManager(sm);
        service.setDnFactory(new DefaultDnFactory(sm, 10000));
        service.setSchemaPartition(Partitions.schemaPartition(service));
        service.setSystemPartition(Partitions.systemPartition(service));
        service.startup();
        return service;
    }

    public String url() {
        return "ldap://" + host + ':' + port;
    }

    /** The running ApacheDS service, for in-process access without the network. */
    public DefaultDirectoryService service() {
        return service;
    }

    @Override
    public void close() {
        Exception failure = null;
        try {
            server.stop();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            service.shutdown(); // flushes the partitions
        } catch (Exception e) {
            if (failure == null) failure = e; else failure.addSuppressed(e);
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            if (failure == null) failure = e; else failure.addSuppressed(e);
        }
        if (failure != null) throw new IllegalStateException("LDAP shutdown incomplete", failure);
    }

    private static void shutdownQuietly(DefaultDirectoryService service, Throwable cause) {
        try {
            service.shutdown();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
