package org.arca.ejb.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL 15 server (Debian package postgresql-15) on a free loopback port in
 * a temporary directory, started once per test JVM and stopped at its exit. Each caller gets
 * its own new database.
 */
public final class Postgres {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static Postgres instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final int port;

    private Postgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static synchronized Postgres get() throws Exception {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** A new empty database owned by user arca. */
    public DataSource newDatabase() throws Exception {
        String name = "arca" + DATABASES.incrementAndGet();
        run(30, "psql", "-qX", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-c", "CREATE DATABASE " + name + " OWNER arca");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(name);
        ds.setUser("arca");
        ds.setPassword("arca");
        return ds;
    }

    private static Postgres start() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            fail("PostgreSQL 15 is missing: install the Debian package 'postgresql-15'");
        }
        Path dir = Files.createTempDirectory("arca-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Postgres pg = new Postgres(dir, port);
        pg.run(120, "initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        pg.run(60, "pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off", "start");
        pg.run(30, "psql", "-qX", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-c", "CREATE USER arca PASSWORD 'arca'");
        return pg;
    }

    private void stop() {
        try {
            run(30, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (Exception | AssertionError e) {
            // the JVM is exiting; the directory goes regardless
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Runs a PostgreSQL program, as user postgres when we are root (initdb refuses root). */
    private void run(int timeoutSeconds, String program, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(BIN.resolve(program).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                fail(program + " did not finish within " + timeoutSeconds + " s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail(program + " failed (" + p.exitValue() + "): " + out);
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
