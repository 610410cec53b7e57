package org.arca.it.restart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped in the middle of an association: every C-STORE answers a failure status
 * (A700 or 0110) with an Error Comment, never success, and leaves no file behind; when the
 * database is back the next C-STORE on the same association succeeds, without a restart of
 * the archive (the pool validates connections on checkout).
 */
class DatabaseOutageIT {
    private static final int OUT_OF_RESOURCES = 0xA700;
    private static final int PROCESSING_FAILURE = 0x0110;

    @Test
    void storeFailsWhileDatabaseIsDownAndRecoversByItself() throws Exception {
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("arca.restart.data.dir")).resolveSibling("db-outage");
        Fixtures.deleteTree(work);
        Path data = work.resolve("data");
        Path log = Files.createDirectories(work).resolve("server.log");
        Path fs1 = data.resolve("fs1");
        List<Path> files = SmallInstances.write(work.resolve("send"), 90, "2.25.2718281828459045", 2);
        List<Path> before = files.subList(0, 30);
        List<Path> during = files.subList(30, 60);
        List<Path> afterwards = files.subList(60, 90);

        try (ThrowawayPostgres pg = ThrowawayPostgres.start(root);
             ArchiveProcess archive = ArchiveProcess.start(root, data, log,
                     "ARCA_DB_URL", pg.url(), "ARCA_DB_USER", "arca", "ARCA_DB_PASSWORD", "arca")) {
            archive.awaitHealthy(Duration.ofMinutes(6));
            try (StoreOutcomes scu = new StoreOutcomes("DBOUTAGE")) {
                for (StoreOutcomes.Outcome o : scu.store(before)) {
                    assertEquals(0, o.status(), "before the outage: " + o);
                }
                pg.stop();
                List<StoreOutcomes.Outcome> down = scu.store(during);
                for (StoreOutcomes.Outcome o : down) {
                    assertTrue(o.status() == OUT_OF_RESOURCES || o.status() == PROCESSING_FAILURE,
                            "failure status while the database is down: " + o);
                    assertNotNull(o.errorComment(), "Error Comment with the failure: " + o);
                }
                System.out.println("DatabaseOutageIT: while down: " + down.get(0));
                ArchiveState files1 = ArchiveState.read(pg.url(), "arca", "arca", "fs1", fs1, false);
                assertEquals(before.size(), files1.files().size(), "no file kept for a failed store: " + files1.files());
                assertEquals(List.of(), files1.temporaryFiles(), "no temporary file left");

                pg.restart();
                long t0 = System.nanoTime();
                List<StoreOutcomes.Outcome> up = scu.store(afterwards);
                for (StoreOutcomes.Outcome o : up) {
                    assertEquals(0, o.status(), "after the database came back, same association: " + o);
                }
                System.out.println("DatabaseOutageIT: " + up.size() + " stores after the database came back in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
            ArchiveState state = ArchiveState.read(pg.url(), "arca", "arca", "fs1", fs1);
            assertEquals(before.size() + afterwards.size(), state.pathByInstance().size(), state.toString());
            assertEquals(Set.of(), state.rowsWithoutFile(), "index rows without file");
            assertEquals(Set.of(), state.filesWithoutRow(), "files without index row");
            for (Path f : during) {
                assertFalse(state.pathByInstance().containsKey(SmallInstances.sopInstanceUID(f)),
                        "failed store not indexed: " + f.getFileName());
            }
            for (Path f : afterwards) {
                String path = state.pathByInstance().get(SmallInstances.sopInstanceUID(f));
                assertNotNull(path, f.getFileName() + " indexed");
                assertArrayEquals(SmallInstances.dataset(f), SmallInstances.dataset(fs1.resolve(path)));
            }
        }
    }
}
