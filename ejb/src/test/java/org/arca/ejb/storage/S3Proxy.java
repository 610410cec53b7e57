package org.arca.ejb.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arca.ldap.config.StorageDescriptor;

/**
 * S3Proxy (org.gaul:s3proxy, filesystem backend) as a separate JVM on 127.0.0.1 and a free
 * port, from the jars the build copied into target/s3proxy/lib. A separate process keeps its
 * large dependency tree (Jackson 3, Jetty 12, cloud SDKs) off the archive's class path.
 */
public final class S3Proxy implements AutoCloseable {
    public static final String IDENTITY = "arca-access";
    public static final String CREDENTIAL = "arca-secret";
    private static final Path LIB = Path.of("target", "s3proxy", "lib");
    private static final int START_ATTEMPTS = 3;
    private static final long START_TIMEOUT_MS = 60_000;

    private final Process process;
    private final int port;
    private final Path log;

    private S3Proxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts S3Proxy keeping its buckets below {@code dir}. */
    public static S3Proxy start(Path dir) throws IOException, InterruptedException {
        return start(dir, null);
    }

    /**
     * With {@code virtualHost} set, S3Proxy also takes virtual-host requests
     * ({@code http://<bucket>.<virtualHost>:<port>/key}); the names must resolve to 127.0.0.1.
     */
    public static S3Proxy start(Path dir, String virtualHost) throws IOException, InterruptedException {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException(LIB.toAbsolutePath() + " is missing: run the tests through Maven"
                    + " (generate-test-resources copies S3Proxy there)");
        }
        Path data = Files.createDirectories(dir.resolve("buckets"));
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        IOException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            Path conf = dir.resolve("s3proxy.conf");
            Files.writeString(conf, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=" + System.getProperty("arca.s3proxy.backend", "filesystem-nio2"),
                    "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
                    virtualHost == null ? "" : "s3proxy.virtual-host=" + virtualHost, ""));
            Path log = dir.resolve("s3proxy-" + port + ".log");
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
                    "-cp", LIB.toAbsolutePath() + "/*", "org.gaul.s3proxy.Main", "--properties", conf.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3Proxy s = new S3Proxy(p, port, log);
            if (s.awaitListening()) {
                return s;
            }
            s.close();
            last = new IOException("S3Proxy did not start on port " + port + ":\n" + Files.readString(log));
        }
        throw last;
    }

    private boolean awaitListening() throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A descriptor of a storage in bucket {@code container} of this S3 (generic s3 api, path style). */
    public StorageDescriptor descriptor(String id, String container) {
        StorageDescriptor d = new StorageDescriptor(id, "jclouds:s3:" + endpoint());
        d.getProperties().put("container", container);
        d.getProperties().put("identity", IDENTITY);
        d.getProperties().put("credential", CREDENTIAL);
        return d;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
