package org.arca.tools.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs peer programs (DCMTK, Orthanc, PixelMed) for the tests: always with TCP_NODELAY=1 (Debian's
 * DCMTK leaves Nagle on otherwise), servers under the bind-to-loopback shim, every process bounded
 * in time and killed at the end. A missing program fails the test naming its Debian package.
 * (A trimmed copy of the dicom module's test support; the bind shim comes from its test-jar.)
 */
public final class Peers {
    public static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private Peers() {
    }

    /** The path of a program, failing the test with the package to install when it is missing. */
    public static String bin(String path, String debianPackage) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            fail(p + " is missing: install the Debian package '" + debianPackage + "' (apt-get install " + debianPackage + ")");
        }
        return p.toString();
    }

    public static String dcmtk(String tool) {
        return bin("/usr/bin/" + tool, "dcmtk");
    }

    public static Path sample(String name) {
        Path p = SAMPLES.resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("sample " + p + " is missing: install the Debian package 'python3-pydicom'");
        }
        return p;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The LD_PRELOAD shim that keeps wildcard-binding peers on 127.0.0.1 (from arca-dicom's test-jar). */
    public static Path shim() throws Exception {
        return org.arca.dicom.net.support.BindShim.path();
    }

    /** Output and exit code of a finished client. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a client to completion, killed after {@code timeoutSeconds} (the dicom module's runner). */
    public static Result run(int timeoutSeconds, String... cmd) throws Exception {
        org.arca.dicom.net.support.Dcmtk.Result r = org.arca.dicom.net.support.Dcmtk.exec(timeoutSeconds, List.of(cmd));
        return new Result(r.exitCode(), r.output());
    }

    /** A server process; close() kills it (politely first) and waits for it. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;

        Server(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        public int port() {
            return port;
        }

        public String log() throws IOException {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    /** Starts a server under the shim and waits (bounded) until {@code port} accepts. */
    public static Server startServer(int port, List<String> cmd, Path workDir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().put("TCP_NODELAY", "1");
        pb.environment().put("LD_PRELOAD", shim().toString());
        Path log = Files.createTempFile("peer-server", ".log");
        pb.redirectOutput(log.toFile());
        Server s = new Server(pb.start(), log, port);
        for (int i = 0; i < 200; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
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
        fail(cmd.get(0) + " did not start listening on 127.0.0.1:" + port + ":\n" + out);
        return null;
    }

    /** Deletes a directory tree (test output). */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
