package org.arca.dicom.net.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs DCMTK command-line peers: always with TCP_NODELAY=1, servers under the bind-to-loopback
 * shim, every process bounded in time and killed at the end. A missing binary fails the test
 * and names the Debian package.
 */
public final class Dcmtk {
    public static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private Dcmtk() {
    }

    public static String bin(String name) {
        Path p = Path.of("/usr/bin", name);
        if (!Files.isExecutable(p)) {
            fail("DCMTK tool " + name + " is missing: install the Debian package 'dcmtk' (apt-get install dcmtk)");
        }
        return p.toString();
    }

    public static Path sample(String name) {
        Path p = SAMPLES.resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("sample " + p + " is missing: install the Debian package 'python3-pydicom'");
        }
        return p;
    }

    /** Result of a finished client process. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a DCMTK client to completion (killed after {@code timeoutSeconds}). */
    public static Result run(int timeoutSeconds, String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(bin(tool));
        cmd.addAll(List.of(args));
        return exec(timeoutSeconds, cmd);
    }

    /**
     * Runs any peer client (DCMTK, PixelMed, ...) to completion with TCP_NODELAY=1, output and
     * errors captured; killed, and the test failed, after {@code timeoutSeconds}.
     */
    public static Result exec(int timeoutSeconds, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        Path log = Files.createTempFile("peer", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** A long-running DCMTK server (storescp) on loopback; close() kills it. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final Path log;

        Server(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        public String log() throws IOException {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    /** Starts a server under the shim and waits (bounded) until it accepts on {@code port}. */
    public static Server startServer(int port, String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(bin(tool));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        pb.environment().put("LD_PRELOAD", BindShim.path().toString());
        Path log = Files.createTempFile("dcmtk-" + tool, ".log");
        pb.redirectOutput(log.toFile());
        Server s = new Server(pb.start(), log);
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return s;
            } catch (IOException notYet) {
                if (!s.process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        String out = s.log();
        s.close();
        fail(tool + " did not start listening on 127.0.0.1:" + port + ":\n" + out);
        return null;
    }
}
