package org.arca.dicom.net;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread for the network timers (ARTIM after release/abort). */
final class Timers {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dicom-net-timer");
        t.setDaemon(true);
        return t;
    });

    private Timers() {
    }

    static ScheduledFuture<?> schedule(Runnable task, long millis) {
        return TIMER.schedule(task, millis, TimeUnit.MILLISECONDS);
    }
}
