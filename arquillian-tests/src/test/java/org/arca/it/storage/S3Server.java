package org.arca.it.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy (filesystem backend) as a separate JVM on 127.0.0.1 and a free port, answering
 * path-style and virtual-host requests for {@link #HOST}; its jars are in target/s3proxy/lib
 * (copied by the build). Buckets are directories below {@link #buckets()}.
 */
public final class S3Server implements AutoCloseable {
    static final String HOST = "s3.arca.test"; // resolves to 127.0.0.1 in the server (target/it-hosts)
    public static final String IDENTITY = "arca-it-access";
    public static final String CREDENTIAL = "arca-it-secret";
    private static final Path LIB = Path.of("target", "s3proxy", "lib");

    private final Process process;
    private final int port;
    private final Path dir;

    private S3Server(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static S3Server start(Path dir) throws Exception {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException(LIB.toAbsolutePath() + " missing: the build copies S3Proxy (org.gaul:s3proxy) there");
        }
        Files.createDirectories(dir.resolve("buckets"));
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"O\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} %msg%n</pattern></encoder></appender>"
                + "<root level=\"" + System.getProperty("arca.s3proxy.log", "WARN") // DEBUG shows why a request failed
                + "\"><appender-ref ref=\"O\"/></root></configuration>");
        int port = freePort();
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.virtual-host=" + HOST,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + dir.resolve("buckets").toAbsolutePath().normalize(), "")); // S3Proxy refuses a path with ..
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
                "-cp", LIB.toAbsolutePath() + "/*", "org.gaul.s3proxy.Main", "--properties", conf.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return new S3Server(p, port, dir);
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("S3Proxy did not listen on " + port + ":\n" + Files.readString(dir.resolve("s3proxy.log")));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The endpoint by host name, as virtual-host buckets need. */
    public String endpoint() {
        return "http://" + HOST + ":" + port;
    }

    /** A bucket made by hand, as the seed's containerExists=true expects of the administrator. */
    public Path bucket(String name) throws IOException {
        return Files.createDirectories(buckets().resolve(name));
    }

    public Path buckets() {
        return dir.resolve("buckets");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
