package org.arca.ldap.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A throw-away OpenLDAP server for tests: cn=config in a temp dir, an mdb database for
 * dc=dcm4che,dc=org, listening on 127.0.0.1 only. Config admin cn=config and manager
 * cn=admin,dc=dcm4che,dc=org share one password. Without a base entry: init-baseDN.ldif adds it.
 */
public final class Slapd implements AutoCloseable {
    public static final String SUFFIX = "dc=dcm4che,dc=org";
    public static final String MANAGER = "cn=admin," + SUFFIX;
    public static final String PASSWORD = "secret";

    final Path dir;
    final int port;
    private final long pid;

    private Slapd(Path dir, int port, long pid) {
        this.dir = dir;
        this.port = port;
        this.pid = pid;
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public static Slapd start(Path dir, int port) throws Exception {
        String slapd = Commands.tool("slapd", "slapd"), slapadd = Commands.tool("slapadd", "slapd");
        String hash = Commands.run(List.of(Commands.tool("slappasswd", "slapd"), "-s", PASSWORD), null)
                .orFail("slappasswd").out().trim();
        Commands.tool("ldapadd", "ldap-utils");
        Path conf = Files.createDirectories(dir.resolve("slapd.d"));
        Files.createDirectories(dir.resolve("db"));
        Path init = dir.resolve("init.ldif");
        Files.writeString(init, String.join("\n",
                "dn: cn=config", "objectClass: olcGlobal", "cn: config",
                "olcPidFile: " + dir.resolve("slapd.pid"), "olcArgsFile: " + dir.resolve("slapd.args"), "",
                "dn: cn=module{0},cn=config", "objectClass: olcModuleList", "cn: module{0}",
                "olcModulePath: /usr/lib/ldap", "olcModuleLoad: back_mdb", "",
                "dn: cn=schema,cn=config", "objectClass: olcSchemaConfig", "cn: schema", "",
                "include: file:///etc/ldap/schema/core.ldif",
                "include: file:///etc/ldap/schema/cosine.ldif",
                "include: file:///etc/ldap/schema/inetorgperson.ldif", "",
                "dn: olcDatabase={-1}frontend,cn=config", "objectClass: olcDatabaseConfig",
                "objectClass: olcFrontendConfig", "olcDatabase: {-1}frontend", "olcSizeLimit: unlimited", "",
                "dn: olcDatabase={0}config,cn=config", "objectClass: olcDatabaseConfig", "olcDatabase: {0}config",
                "olcRootDN: cn=config", "olcRootPW: " + hash, "",
                "dn: olcDatabase={1}mdb,cn=config", "objectClass: olcDatabaseConfig", "objectClass: olcMdbConfig",
                "olcDatabase: {1}mdb", "olcSuffix: " + SUFFIX, "olcRootDN: " + MANAGER, "olcRootPW: " + hash,
                "olcDbDirectory: " + dir.resolve("db"), "olcDbMaxSize: 1073741824", "olcDbIndex: objectClass eq",
                "olcAccess: {0}to * by * read", "") + "\n");
        Commands.run(List.of(slapadd, "-n", "0", "-F", conf.toString(), "-l", init.toString()), null).orFail("slapadd");
        // slapd daemonizes and writes its pid file; it honours the host in -h, so only loopback is bound
        Commands.run(List.of(slapd, "-F", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/"), null).orFail("slapd");
        Path pidFile = dir.resolve("slapd.pid");
        for (int i = 0; i < 100; i++) {
            if (Files.exists(pidFile) && Commands.run(List.of("ldapsearch", "-x", "-H", "ldap://127.0.0.1:" + port,
                    "-b", "", "-s", "base", "namingContexts"), null).exit() == 0)
                return new Slapd(dir, port, Long.parseLong(Files.readString(pidFile).trim()));
            Thread.sleep(50);
        }
        throw new IllegalStateException("slapd did not come up on port " + port);
    }

    public Commands.Result ldapadd(String bindDn, Path ldif) throws IOException, InterruptedException {
        return Commands.run(List.of("ldapadd", "-x", "-H", url(), "-D", bindDn, "-w", PASSWORD, "-f", ldif.toString()), null);
    }

    public Commands.Result ldapadd(String bindDn, String ldif) throws IOException, InterruptedException {
        return Commands.run(List.of("ldapadd", "-x", "-H", url(), "-D", bindDn, "-w", PASSWORD), ldif);
    }

    /** Entries of the subtree as LDIF, user attributes only, unwrapped lines. */
    public String ldapsearch(String base, String scope, String filter) throws IOException, InterruptedException {
        return Commands.run(List.of("ldapsearch", "-LLL", "-o", "ldif-wrap=no", "-x", "-H", url(), "-D", MANAGER,
                "-w", PASSWORD, "-b", base, "-s", scope, filter), null).orFail("ldapsearch").out();
    }

    @Override
    public void close() throws Exception {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy(); // SIGTERM: slapd shuts down cleanly
            p.onExit().join();
        });
    }
}
