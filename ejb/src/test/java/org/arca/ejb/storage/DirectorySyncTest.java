package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySyncTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersInOneDirectoryAllReturnAndLeaveNothingTracked() throws Exception {
        DirectorySync sync = new DirectorySync();
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Path d = t % 2 == 0 ? a : b;
                int writer = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        Files.createFile(d.resolve("f" + writer + "-" + i));
                        sync.force(d);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, sync.tracked());
    }

    @Test
    void forceAsyncCoversEveryDirectoryGiven() throws Exception {
        DirectorySync sync = new DirectorySync();
        Path d1 = Files.createDirectories(dir.resolve("x/y"));
        sync.forceAsync(List.of(d1, d1.getParent(), dir)).get(60, TimeUnit.SECONDS);
        assertEquals(0, sync.tracked());
    }
}
