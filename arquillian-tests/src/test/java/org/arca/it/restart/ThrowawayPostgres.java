package org.arca.it.restart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL of the test's own (scripts/peers.sh start_postgres: loopback, free port,
 * database and user "arca"), which the test may stop and start again while the archive runs.
 */
final class ThrowawayPostgres implements AutoCloseable {
    private final Path root;
    private final Path dir;
    final int port;

    private ThrowawayPostgres(Path root, Path dir, int port) {
        this.root = root;
        this.dir = dir;
        this.port = port;
    }

    static ThrowawayPostgres start(Path root) throws Exception {
        // PostgreSQL runs as its own user (the tests run as root): a directory it can reach
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "arca-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String out = bash(root, "start_postgres " + dir + "/pg >&2 && echo $PG_PORT");
        return new ThrowawayPostgres(root, dir, Integer.parseInt(out.trim()));
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/arca";
    }

    /** pg_ctl stop -m fast: sessions are ended, the server is gone until {@link #restart()}. */
    void stop() throws Exception {
        bash(root, "stop_postgres " + dir + "/pg");
    }

    void restart() throws Exception {
        String pg = dir + "/pg";
        bash(root, "as=(); [ \"$(id -u)\" = 0 ] && as=(runuser -u postgres --); \"${as[@]}\" \"$(pg_bin)/pg_ctl\" -D "
                + pg + "/data -l " + pg + "/log -w -o \"-c listen_addresses=127.0.0.1 -p " + port + " -k " + pg
                + "\" start >/dev/null");
    }

    @Override
    public void close() throws Exception {
        stop();
        bash(root, "rm -rf " + dir);
    }

    /** Runs {@code script} with scripts/peers.sh sourced; returns its standard output. */
    private static String bash(Path root, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", ". '" + root.resolve("scripts/peers.sh") + "' && " + script)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("failed (is the Debian package postgresql installed?): " + script);
        }
        return out;
    }
}
