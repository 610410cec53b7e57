package org.arca.tools.storescp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.arca.tools.common.Log;
import org.arca.tools.support.Peers;

/** Our storescp (in this JVM, free port) and DCMTK's (a process under the shim), with the same options. */
public final class ScpRunner {
    private ScpRunner() {
    }

    /** Our storescp started with {@code args} (no port: a free one is taken). */
    public static final class Ours implements AutoCloseable {
        final StoreScpServer server;
        final ByteArrayOutputStream log = new ByteArrayOutputStream();

        public Ours(String... args) throws Exception {
            StoreScpOptions o = StoreScpOptions.parse(args, new Log(new PrintStream(log, true, StandardCharsets.UTF_8)));
            o.port = 0;
            server = new StoreScpServer(o).start();
        }

        public int port() {
            return server.port();
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /**
     * DCMTK's storescp on a free port, taken now: start ours first, so that the two never get
     * the same port (ours takes an ephemeral one, which may be the one freePort() just released,
     * and then the start-up probe would find ours listening there).
     */
    static Peers.Server dcmtk(String... args) throws Exception {
        int port = Peers.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Peers.dcmtk("storescp"));
        cmd.addAll(List.of(args));
        cmd.add(String.valueOf(port));
        return Peers.startServer(port, cmd, null);
    }

    /** Paths of the files below {@code dir}, relative, sorted; hidden (temporary) files excluded. */
    static TreeSet<String> files(Path dir) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString()));
        }
        return names;
    }
}
