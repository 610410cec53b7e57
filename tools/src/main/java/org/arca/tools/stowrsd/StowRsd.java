package org.arca.tools.stowrsd;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ./arca stowrsd}: a small STOW-RS receiver, the peer of the default configuration's
 * stowrsd web application. Listens on 127.0.0.1 and writes what it receives into a folder,
 * as storescp -od does.
 * <pre>
 * stowrsd [--port 8090] [--path /stowrs] [--bind 127.0.0.1] [-od DIR] [-v]
 * </pre>
 */
public final class StowRsd implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    private StowRsd(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code path} (and everything below it, e.g. /studies) on host:port. */
    public static StowRsd start(String host, int port, String path, Path dir, boolean verbose) throws IOException {
        Files.createDirectories(dir);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        StowRsd rsd = new StowRsd(server);
        server.createContext(path.startsWith("/") ? path : "/" + path, new StowHandler(dir, verbose));
        server.setExecutor(rsd.executor);
        server.start();
        return rsd;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = 8090;
        String path = "/stowrs";
        String bind = "127.0.0.1";
        Path dir = Path.of(".");
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port", "-p" -> port = Integer.parseInt(value(args, ++i));
                case "--path" -> path = value(args, ++i);
                case "--bind", "-b" -> bind = value(args, ++i);
                case "-od", "--output-directory" -> dir = Path.of(value(args, ++i));
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> {
                    System.out.println("usage: stowrsd [--port 8090] [--path /stowrs] [--bind 127.0.0.1] [-od DIR] [-v]");
                    return;
                }
                default -> {
                    System.err.println("stowrsd: unknown option " + args[i] + " (--help)");
                    System.exit(2);
                }
            }
        }
        StowRsd rsd = start(bind, port, path, dir, verbose);
        System.out.println("stowrsd: STOW-RS on http://" + bind + ":" + rsd.port() + path + "/studies, writing to "
                + dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(rsd::close));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("stowrsd: " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
