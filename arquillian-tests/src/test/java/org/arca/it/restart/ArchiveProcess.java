package org.arca.it.restart;

import org.arca.it.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The archive started the way ./arca run starts it (scripts/server.sh), as a child process. */
final class ArchiveProcess implements AutoCloseable {

    private final Process process;

    private ArchiveProcess(Process process) {
        this.process = process;
    }

    /** env: further environment variables as name, value pairs. */
    static ArchiveProcess start(Path root, Path dataDir, Path log, String... env) throws IOException {
        // Another server on the port would answer our requests with its own (older) archive.
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", 8080)) {
            throw new AssertionError("127.0.0.1:8080 is already in use: is another archive running?");
        } catch (java.net.ConnectException free) {
            // expected: nothing listens there
        }
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("scripts/server.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("ARCA_DATA_DIR", dataDir.toString());
        pb.environment().put("ARCA_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        return new ArchiveProcess(pb.start());
    }

    /** Waits until /health answers 200; fails when the process dies or time runs out. */
    void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("archive exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8080/dcm4chee-arc/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("archive not healthy within " + timeout);
    }

    /** kill -9 of the server and its launcher script: no shutdown at all, as a power cut. */
    void kill() throws Exception {
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS); // gone, so its ports are free
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it; waits for a clean exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("archive did not stop within 60 s of SIGTERM");
        }
    }
}
