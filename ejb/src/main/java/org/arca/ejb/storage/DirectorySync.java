package org.arca.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes directory entries durable (POSIX: fsync of the directory), shared by concurrent
 * writers: an fsync of a directory that starts after an entry was made covers that entry, so
 * writers in the same directory (a series arriving over several associations) wait for at
 * most the running fsync and the next one, instead of queueing one fsync each.
 */
final class DirectorySync {

    /** One process-wide instance: the coalescing only works among writers that share it. */
    static final DirectorySync SHARED = new DirectorySync();

    private static final class Dir {
        final ReentrantLock lock = new ReentrantLock();
        final Condition done = lock.newCondition();
        long started;
        long finished;
        boolean running;
        long failedGeneration;
        IOException failure;
        int users;
    }

    private final Map<Path, Dir> dirs = new HashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "arca-directory-sync");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@link #force(Path)} of each directory on other threads, so the caller can force its
     * file at the same time: both are needed before the object counts as durable, their order
     * is not, and the two flushes then largely share one journal commit.
     */
    CompletableFuture<Void> forceAsync(List<Path> directories) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[directories.size()];
        for (int i = 0; i < all.length; i++) {
            Path dir = directories.get(i);
            all[i] = CompletableFuture.runAsync(() -> {
                try {
                    force(dir);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, executor);
        }
        return CompletableFuture.allOf(all);
    }

    /** Returns once every entry made in {@code dir} before this call is durable. */
    void force(Path dir) throws IOException {
        Dir d = enter(dir);
        d.lock.lock();
        try {
            // a running fsync may have read the directory before our entry: only one that
            // starts from now on surely covers it
            long needed = d.started + 1;
            while (d.finished < needed) {
                if (d.running) {
                    d.done.awaitUninterruptibly();
                    continue;
                }
                long generation = ++d.started;
                d.running = true;
                IOException failure = null;
                d.lock.unlock();
                try {
                    fsync(dir);
                } catch (IOException e) {
                    failure = e;
                } finally {
                    d.lock.lock();
                }
                d.running = false;
                d.finished = generation;
                if (failure != null) {
                    d.failedGeneration = generation;
                    d.failure = failure;
                }
                d.done.signalAll();
            }
            // conservative: a failed fsync after ours may have lost our entry as well
            if (d.failedGeneration >= needed) {
                throw new IOException("fsync of directory " + dir + " failed: " + d.failure.getMessage(), d.failure);
            }
        } finally {
            d.lock.unlock();
            leave(dir, d);
        }
    }

    /** Directories with a writer syncing or waiting right now (for tests: none when idle). */
    synchronized int tracked() {
        return dirs.size();
    }

    private synchronized Dir enter(Path dir) {
        Dir d = dirs.computeIfAbsent(dir, p -> new Dir());
        d.users++;
        return d;
    }

    private synchronized void leave(Path dir, Dir d) {
        if (--d.users == 0) {
            dirs.remove(dir);
        }
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            // not every platform can open a directory; the link itself is then all we can do
        }
    }
}
