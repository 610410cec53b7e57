package org.arca.ejb.export;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The export tasks running in this server, so that canceling one stops its exporter instead of
 * letting it send the rest of the study. Canceling interrupts the exporter's thread (blocking
 * waits end) and runs the hooks the exporter registered (e.g. abort the association, fail the
 * request body), since socket I/O does not react to interrupts. An exporter sees its own task
 * through {@link #current()}, so the {@link Exporter} interface needs no change. A task running
 * on another server is not reached: it finishes there, and its outcome is not recorded.
 */
public final class ExportCancellation {

    private static final Map<Long, ExportCancellation> RUNNING = new ConcurrentHashMap<>();
    private static final ThreadLocal<ExportCancellation> CURRENT = new ThreadLocal<>();

    private final long pk;
    private final Thread thread = Thread.currentThread();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean canceled;
    private boolean finished;

    private ExportCancellation(long pk) {
        this.pk = pk;
    }

    /** Marks task {@code pk} as running in the calling thread until {@link #finish()}. */
    static ExportCancellation start(long pk) {
        ExportCancellation c = new ExportCancellation(pk);
        RUNNING.put(pk, c);
        CURRENT.set(c);
        return c;
    }

    /** The task running in the calling thread, or null (outside an export). */
    public static ExportCancellation current() {
        return CURRENT.get();
    }

    /** Whether task {@code pk} runs in this server now. */
    public static boolean isRunning(long pk) {
        return RUNNING.containsKey(pk);
    }

    /** Cancels task {@code pk} if it runs here; false when it does not. */
    static boolean cancel(long pk) {
        ExportCancellation c = RUNNING.get(pk);
        return c != null && c.cancel();
    }

    private boolean cancel() {
        synchronized (this) {
            if (finished || canceled) {
                return false;
            }
            canceled = true;
            thread.interrupt();
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // best effort: the interrupt and the flag still stop the exporter
            }
        }
        return true;
    }

    /** Ends the task's run; no interrupt reaches the thread after this, and a pending one is cleared. */
    void finish() {
        synchronized (this) {
            finished = true;
        }
        RUNNING.remove(pk, this);
        CURRENT.remove();
        Thread.interrupted(); // the thread goes on to record the outcome and serve other messages
    }

    public boolean isCanceled() {
        return canceled;
    }

    /** Runs {@code hook} when the task is canceled (at once if it already is). */
    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (canceled) {
            hook.run();
        }
    }

    public long taskPk() {
        return pk;
    }
}
