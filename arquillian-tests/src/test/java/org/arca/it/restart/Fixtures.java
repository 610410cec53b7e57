package org.arca.it.restart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small file helpers of the fault tests. */
final class Fixtures {
    private Fixtures() {
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The lines of {@code log} containing {@code text} (a missing log has none). */
    static List<String> grep(Path log, String text) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).toList();
        }
    }

    /** Waits until {@code log} has at least {@code count} lines containing {@code text}. */
    static void awaitLogCount(Path log, String text, int count, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (grep(log, text).size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("'" + text + "' not logged " + count + " time(s) in " + log + " within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
