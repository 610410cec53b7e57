package org.arca.it.restart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the archive in the middle of a 2,000-instance storescu association, then a
 * restart: every instance that got a success status is indexed and its stored data set is
 * byte-identical to the file sent; after the start-up reconciliation there is no index row
 * without its file, no file without its row, and no temporary file (a temporary file and a
 * file without row are added before the restart, as a kill between link and commit leaves them).
 */
class CrashIT {
    static final int COUNT = 2000;
    /** Successes seen before the kill: well inside the association. */
    static final int KILL_AFTER = 600;
    private static final String UID_ROOT = "2.25.3141592653589793";

    @Test
    void killDuringSendLosesNothingAcknowledged() throws Exception {
        Path root = Path.of(System.getProperty("arca.root")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("arca.restart.data.dir")).resolveSibling("crash");
        Fixtures.deleteTree(work);
        Path data = work.resolve("data");
        Path log = Files.createDirectories(work).resolve("server.log");
        Path serverLog = data.resolve("wildfly/log/server.log");
        List<Path> files = SmallInstances.write(work.resolve("send"), COUNT, UID_ROOT, 1);
        assertTrue(Files.isExecutable(Path.of("/usr/bin/storescu")), "storescu missing: install the Debian package dcmtk");

        Set<Path> acknowledged;
        ArchiveProcess archive = ArchiveProcess.start(root, data, log);
        try {
            archive.awaitHealthy(Duration.ofMinutes(6));
            Fixtures.awaitLogCount(serverLog, "Start-up reconciliation done", 1, Duration.ofMinutes(1));
            acknowledged = sendAndKill(files, archive);
        } finally {
            archive.kill();
        }
        assertTrue(acknowledged.size() >= KILL_AFTER && acknowledged.size() < COUNT,
                "killed in the middle: " + acknowledged.size() + " of " + COUNT + " acknowledged");
        String h2 = "jdbc:h2:file:" + data.resolve("db/arca");
        Path fs1 = data.resolve("fs1");
        ArchiveState killed = ArchiveState.read(h2, "sa", "sa", "fs1", fs1);
        System.out.println("CrashIT: " + acknowledged.size() + " acknowledged; after kill -9: " + killed);
        // Whether the kill caught a store between its link and its commit is luck: add what
        // such a store leaves (a temporary file, a file without row) so that the clean-up is
        // exercised every time.
        String someObject = killed.rowPaths().iterator().next();
        Path dir = fs1.resolve(someObject).getParent();
        Files.copy(fs1.resolve(someObject), dir.resolve(".PLANTED.0000" + ".part"));
        Files.copy(fs1.resolve(someObject), dir.resolve("PLANTED"));
        ArchiveState afterCrash = ArchiveState.read(h2, "sa", "sa", "fs1", fs1);

        archive = ArchiveProcess.start(root, data, log);
        List<String> report;
        try {
            archive.awaitHealthy(Duration.ofMinutes(6));
            Fixtures.awaitLogCount(serverLog, "Start-up reconciliation done", 2, Duration.ofMinutes(1));
            report = Fixtures.grep(serverLog, "Start-up reconciliation: storage fs1");
        } finally {
            archive.close();
        }
        ArchiveState after = ArchiveState.read(h2, "sa", "sa", "fs1", fs1);
        System.out.println("CrashIT: after restart and reconciliation: " + after + "; " + report);

        assertEquals(Set.of(), after.rowsWithoutFile(), "index rows without file");
        assertEquals(Set.of(), after.filesWithoutRow(), "files without index row");
        assertEquals(List.of(), after.temporaryFiles(), "temporary files left");
        String last = report.isEmpty() ? "" : report.get(report.size() - 1);
        assertTrue(last.contains("removed " + afterCrash.temporaryFiles().size() + " temporary file(s), "
                + afterCrash.filesWithoutRow().size() + " file(s) without index row"),
                "the reconciliation log counts what it removed: " + last);
        for (String orphan : afterCrash.filesWithoutRow()) {
            assertTrue(last.contains(orphan), "removed file " + orphan + " named in: " + last);
        }
        for (Path f : acknowledged) {
            String iuid = SmallInstances.sopInstanceUID(f);
            String path = after.pathByInstance().get(iuid);
            assertNotNull(path, "acknowledged instance " + iuid + " (" + f.getFileName() + ") is indexed");
            assertArrayEquals(SmallInstances.dataset(f), SmallInstances.dataset(fs1.resolve(path)),
                    "stored data set of " + f.getFileName() + " is byte-identical");
        }
        assertEquals(1, after.studyCount());
        assertEquals(after.pathByInstance().size(), after.instanceCountOfStudies(),
                "the study's instance counter matches its indexed instances");
    }

    /** Sends all files over one association; kills the archive after KILL_AFTER successes. */
    private static Set<Path> sendAndKill(List<Path> files, ArchiveProcess archive) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aet", "CRASHIT", "-aec", "DCM4CHEE",
                "127.0.0.1", "11112"));
        files.forEach(f -> cmd.add(f.toString()));
        Process scu = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Set<Path> ok = new LinkedHashSet<>();
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(scu.getInputStream()))) {
            Path current = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("I: Sending file: ")) {
                    current = Path.of(line.substring("I: Sending file: ".length()));
                } else if (line.startsWith("I: Received Store Response (Success)") && current != null) {
                    ok.add(current);
                    current = null;
                    if (ok.size() == KILL_AFTER) {
                        archive.kill();
                    }
                } else if (!line.startsWith("XMIT") && !line.startsWith("I: Converting")) {
                    tail.append(line).append('\n');
                }
            }
        }
        if (!scu.waitFor(60, TimeUnit.SECONDS)) {
            scu.destroyForcibly();
            throw new AssertionError("storescu did not end after the archive was killed");
        }
        System.out.println("CrashIT: storescu exit " + scu.exitValue() + ", other output:\n"
                + tail.substring(Math.max(0, tail.length() - 2000)));
        return ok;
    }
}
