package org.arca.ejb.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Since when files may be out of step with the index: one instant kept in a file under the
 * data folder. No file yet means "ever" (a first start checks everything). After a
 * reconciliation it moves to the start of the current run; a clean stop moves it to shortly
 * before the stop (stores cut off by the stop are younger than {@link #IN_FLIGHT}); a crash
 * leaves it where it was, so the next start checks the whole crashed run, and a crash during
 * a reconciliation keeps the older instant until one completes.
 */
public final class ReconciliationWindow {

    /** Longest a store takes from its first byte written to its index commit. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(10);

    private final Path file;

    public ReconciliationWindow(Path file) {
        this.file = file;
    }

    /** The instant files must be checked from: the recorded one, or the epoch. */
    public Instant from() throws IOException {
        try {
            return Instant.ofEpochMilli(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (NoSuchFileException e) {
            return Instant.EPOCH;
        } catch (NumberFormatException e) {
            return Instant.EPOCH; // unreadable: check everything rather than miss something
        }
    }

    /** Everything before {@code t} agrees with the index. */
    public void reconciledUntil(Instant t) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(t.toEpochMilli()), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A clean stop at {@code now}: only stores of the last {@link #IN_FLIGHT} may be unfinished. */
    public void stoppedAt(Instant now, Instant runStart) throws IOException {
        Instant t = now.minus(IN_FLIGHT);
        reconciledUntil(t.isAfter(runStart) ? t : runStart);
    }
}
