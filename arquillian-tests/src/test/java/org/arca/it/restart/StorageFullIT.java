package org.arca.it.restart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Storage fs1 on a 2 MB tmpfs mounted for the test (the tests run as root): a full storage,
 * first in the middle of an object then before its first byte, and then the same storage
 * remounted read-only, answer A700 with an Error Comment; nothing half-written stays in the
 * storage and nothing reaches the index. Space freed or the mount made writable again, the
 * next C-STORE succeeds.
 */
class StorageFullIT {
    private static final int OUT_OF_RESOURCES = 0xA700;
    private static final String FILLER = "filler";

    @Test
    void fullOrReadOnlyStorageAnswersOutOfResources() throws Exception {
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("arca.restart.data.dir")).resolveSibling("storage-full");
        Path fs1 = work.resolve("data/fs1");
        if (Files.exists(fs1)) {
            run(false, "umount", fs1.toString());
        }
        Fixtures.deleteTree(work);
        Path data = work.resolve("data");
        Path log = Files.createDirectories(work).resolve("server.log");
        List<Path> small = SmallInstances.write(work.resolve("send"), 50, "2.25.1414213562373095", 3);
        Path big = SmallInstances.write(work.resolve("send"), 1, "2.25.1732050807568877", 4, 1024).get(0);
        Files.createDirectories(fs1);
        run(true, "mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", fs1.toString());
        try (ThrowawayPostgres pg = ThrowawayPostgres.start(root);
             ArchiveProcess archive = ArchiveProcess.start(root, data, log,
                     "ARCA_DB_URL", pg.url(), "ARCA_DB_USER", "arca", "ARCA_DB_PASSWORD", "arca")) {
            archive.awaitHealthy(Duration.ofMinutes(6));
            List<Path> stored = new ArrayList<>();
            try (StoreOutcomes scu = new StoreOutcomes("FULLTEST")) {
                assertSucceed(scu, small.subList(0, 10), stored);

                fill(fs1.resolve(FILLER), 256 * 1024); // less free space than the 1 MB object
                assertOutOfResources(scu, List.of(big), "full in the middle of the object");
                check(pg, fs1, stored);
                fill(fs1.resolve(FILLER + "2"), 0);
                assertOutOfResources(scu, small.subList(10, 20), "full");
                check(pg, fs1, stored);

                Files.delete(fs1.resolve(FILLER));
                Files.delete(fs1.resolve(FILLER + "2"));
                assertSucceed(scu, small.subList(20, 30), stored);

                run(true, "mount", "-o", "remount,ro", fs1.toString());
                assertOutOfResources(scu, small.subList(30, 40), "read-only");
                check(pg, fs1, stored);
                run(true, "mount", "-o", "remount,rw", fs1.toString());
                assertSucceed(scu, small.subList(40, 50), stored);
            }
            ArchiveState state = check(pg, fs1, stored);
            for (Path f : stored) {
                assertArrayEquals(SmallInstances.dataset(f),
                        SmallInstances.dataset(fs1.resolve(state.pathByInstance().get(SmallInstances.sopInstanceUID(f)))));
            }
        } finally {
            run(false, "umount", fs1.toString());
        }
    }

    private static void assertSucceed(StoreOutcomes scu, List<Path> files, List<Path> stored) throws Exception {
        for (StoreOutcomes.Outcome o : scu.store(files)) {
            assertEquals(0, o.status(), o.toString());
        }
        stored.addAll(files);
    }

    private static void assertOutOfResources(StoreOutcomes scu, List<Path> files, String why) throws Exception {
        List<StoreOutcomes.Outcome> out = scu.store(files);
        for (StoreOutcomes.Outcome o : out) {
            assertEquals(OUT_OF_RESOURCES, o.status(), why + ": " + o);
            assertNotNull(o.errorComment(), why + ": Error Comment: " + o);
        }
        System.out.println("StorageFullIT: " + why + ": " + out.get(0));
    }

    /** Exactly the stored instances are indexed, each with its file; no other file but fillers. */
    private static ArchiveState check(ThrowawayPostgres pg, Path fs1, List<Path> stored) throws Exception {
        ArchiveState s = ArchiveState.read(pg.url(), "arca", "arca", "fs1", fs1);
        assertEquals(stored.size(), s.pathByInstance().size(), "instances indexed: " + s);
        for (Path f : stored) {
            assertNotNull(s.pathByInstance().get(SmallInstances.sopInstanceUID(f)), f + " indexed");
        }
        assertEquals(Set.of(), s.rowsWithoutFile(), "index rows without file");
        Set<String> extra = new java.util.HashSet<>(s.filesWithoutRow());
        extra.removeIf(p -> p.startsWith(FILLER));
        assertEquals(Set.of(), extra, "files without index row (half-written objects)");
        assertEquals(List.of(), s.temporaryFiles(), "temporary files left");
        return s;
    }

    /** Writes zeros to {@code file} until only about {@code leave} bytes are free. */
    private static void fill(Path file, long leave) throws IOException {
        long free = Files.getFileStore(file.getParent()).getUsableSpace();
        byte[] buf = new byte[4096];
        long n = Math.max(0, free - leave);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long w = 0; leave > 0 ? w < n : true; w += buf.length) {
                out.write(buf);
            }
        } catch (IOException full) {
            if (leave > 0) {
                throw new AssertionError("filling " + file + " up to " + leave + " bytes free: " + full, full);
            }
        }
    }

    private static void run(boolean check, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (check && p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (needs root and util-linux mount): " + out);
        }
    }
}
