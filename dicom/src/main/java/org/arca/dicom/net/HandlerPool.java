package org.arca.dicom.net;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The handler threads of a server: an idle thread takes the next request, a new one starts
 * only when all are busy (up to the maximum), further requests wait in order. A plain
 * ThreadPoolExecutor with as many core threads starts a fresh thread for each of its first
 * requests even when others are idle; each new thread then warms its own buffers, which showed
 * as page faults in the C-STORE receive profile.
 */
final class HandlerPool {
    private HandlerPool() {
    }

    static ThreadPoolExecutor create(int maxThreads, ThreadFactory threads) {
        HandOffQueue queue = new HandOffQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, queue, threads,
                (task, executor) -> {
                    if (executor.isShutdown()) {
                        throw new RejectedExecutionException("server closed");
                    }
                    queue.enqueue(task); // all threads busy: wait for the next free one
                });
        return pool;
    }

    /** Offers succeed only to a thread already waiting, so the executor starts a new one otherwise. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
