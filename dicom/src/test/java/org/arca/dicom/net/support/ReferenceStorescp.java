package org.arca.dicom.net.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DCMTK storescp in bit-preserving mode (+B): writes each data set exactly as received, so it
 * shows what a DCMTK sender really put on the wire (DCMTK senders re-encode some files, e.g.
 * dropping group lengths). Accepts all transfer syntaxes and SOP classes.
 */
public final class ReferenceStorescp implements AutoCloseable {
    public final Path dir;
    public final int port;
    public final String aet;
    private final Dcmtk.Server server;

    public ReferenceStorescp(String aet, String... extraArgs) throws Exception {
        this.aet = aet;
        dir = Files.createTempDirectory("storescp");
        port = freePort();
        String[] base = {"+B", "+xa", "-pm", "-aet", aet, "-od", dir.toString()};
        String[] args = Stream.concat(Stream.concat(Stream.of(base), Stream.of(extraArgs)), Stream.of(String.valueOf(port)))
                .toArray(String[]::new);
        server = Dcmtk.startServer(port, "storescp", args);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Removes and returns the files received so far. */
    public List<Part10> takeReceived() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().collect(Collectors.toList());
        }
        List<Part10> out = new java.util.ArrayList<>();
        for (Path f : files) {
            out.add(Part10.read(f));
            Files.delete(f);
        }
        return out;
    }

    public String log() throws IOException {
        return server.log();
    }

    @Override
    public void close() throws Exception {
        server.close();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
