package org.arca.ejb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExportCancellationTest {

    @Test
    void cancelInterruptsTheRunningExportAndRunsItsHooksOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger hooks = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean clearedAfterFinish = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            ExportCancellation c = ExportCancellation.start(41);
            c.onCancel(hooks::incrementAndGet);
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(c.isCanceled());
            } finally {
                c.finish();
            }
            clearedAfterFinish.set(!Thread.currentThread().isInterrupted() && ExportCancellation.current() == null);
        });
        worker.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(ExportCancellation.isRunning(41));
        assertTrue(ExportCancellation.cancel(41));
        assertFalse(ExportCancellation.cancel(41), "a second cancel does nothing");
        worker.join(5000);
        assertTrue(interrupted.get(), "the blocked exporter woke up canceled");
        assertEquals(1, hooks.get());
        assertTrue(clearedAfterFinish.get(), "no interrupt left for the outcome and the next message");
        assertFalse(ExportCancellation.isRunning(41));
    }

    @Test
    void finishedOrUnknownTasksAreNotCanceled() {
        ExportCancellation c = ExportCancellation.start(42);
        c.finish();
        assertFalse(ExportCancellation.cancel(42));
        assertFalse(ExportCancellation.cancel(43));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aHookAddedAfterTheCancelRunsAtOnce() throws Exception {
        ExportCancellation c = ExportCancellation.start(44);
        try {
            ExportCancellation.cancel(44);
            AtomicBoolean ran = new AtomicBoolean();
            c.onCancel(() -> ran.set(true));
            assertTrue(ran.get());
        } finally {
            c.finish();
        }
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
