package org.arca.it.export;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real receivers started by the tests, on loopback only (DCMTK and Orthanc bind the wildcard
 * address; the LD_PRELOAD bind shim of arca-dicom's test-jar turns that into 127.0.0.1), TCP_NODELAY=1.
 */
public final class Peers {

    private Peers() {
    }

    public static Path root() {
        return Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
    }

    public static Path work(String name) throws IOException {
        return Files.createDirectories(root().resolve("arquillian-tests/target/export-it").resolve(name));
    }

    /** The LD_PRELOAD shim that keeps wildcard-binding peers on 127.0.0.1 (arca-dicom's test-jar). */
    public static Path shim() throws Exception {
        return org.arca.dicom.net.support.BindShim.path();
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + cmd);
        }
    }

    /** Starts a process under the shim and waits until it listens on {@code port}. */
    public static Process start(List<String> cmd, Path log, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        pb.environment().put("LD_PRELOAD", shim().toString());
        Process p = pb.start();
        awaitPort(port, Duration.ofSeconds(20), p);
        return p;
    }

    public static void awaitPort(int port, Duration timeout, Process p) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (!p.isAlive() || Instant.now().isAfter(end)) {
                    p.destroyForcibly();
                    throw new IOException("peer did not listen on " + port + ": " + e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** DCMTK storescp as AE STORESCP on 11113 (the default configuration's peer), bit-preserving. */
    public static Process storescp(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of("storescp", "-aet", "STORESCP", "+B", "-od", dir.toString(), "11113"));
        return start(cmd, dir.resolveSibling(dir.getFileName() + ".log"), 11113);
    }

    /**
     * Our storescp ({@code ./arca storescp}, the same main class on this test's class path) in
     * the place of DCMTK's: AE STORESCP on 11113, bit-preserving.
     */
    public static Process arcaStorescp(Path dir) throws Exception {
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.arca.tools.storescp.StoreScp", "-aet", "STORESCP", "+B", "-od", dir.toString(), "11113"));
        return start(cmd, dir.resolveSibling(dir.getFileName() + ".log"), 11113);
    }

    public static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
