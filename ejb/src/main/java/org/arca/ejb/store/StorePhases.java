package org.arca.ejb.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Where the time of a store goes, for profiling (bench/README.md): with the system property
 * {@code arca.store.phases=N} the average of each phase over the last N stores is logged.
 * Off by default; the marks themselves cost a few nanoTime calls per object.
 */
final class StorePhases {
    private static final Logger LOG = Logger.getLogger(StorePhases.class.getName());
    private static final int EVERY = Integer.getInteger("arca.store.phases", 0);
    private static final String[] NAMES = {"receive+parse header", "receive+write rest", "index statements",
            "wait for fsync", "db commit"};
    private static final LongAdder[] SUMS = new LongAdder[NAMES.length];
    /** CPU time of the thread that marked each phase (all marks are made on the storing thread). */
    private static final LongAdder[] CPU = new LongAdder[NAMES.length];
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LongAdder FSYNC = new LongAdder();
    private static final LongAdder COUNT = new LongAdder();

    static {
        for (int i = 0; i < SUMS.length; i++) {
            SUMS[i] = new LongAdder();
            CPU[i] = new LongAdder();
        }
    }

    private final long[] marks = new long[NAMES.length + 1];
    private final long[] cpu = new long[NAMES.length + 1];
    private volatile long durableAt;
    private final Thread owner = Thread.currentThread();

    StorePhases() {
        marks[0] = System.nanoTime();
        cpu[0] = cpuNow();
    }

    /** Phase {@code i} (1-based, in the order of {@link #NAMES}) ended now. */
    void mark(int i) {
        marks[i] = System.nanoTime();
        // a phase ended on another thread (STOW-RS indexes in the background): no CPU figure
        cpu[i] = Thread.currentThread() == owner ? cpuNow() : cpu[i - 1];
    }

    private static long cpuNow() {
        return EVERY > 0 ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** The storage commit finished now (on the committing thread). */
    void durable() {
        durableAt = System.nanoTime();
    }

    /** The store ended; adds its phases to the averages. */
    void done() {
        if (EVERY <= 0 || marks[NAMES.length] == 0) {
            return;
        }
        for (int i = 0; i < NAMES.length; i++) {
            SUMS[i].add(marks[i + 1] - marks[i]);
            CPU[i].add(cpu[i + 1] - cpu[i]);
        }
        FSYNC.add(durableAt - marks[2]);
        COUNT.increment();
        if (COUNT.sum() >= EVERY) {
            report();
        }
    }

    private static synchronized void report() {
        long n = COUNT.sumThenReset();
        if (n == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder("store phases, average of ").append(n).append(" stores (ms):");
        for (int i = 0; i < NAMES.length; i++) {
            sb.append(' ').append(NAMES[i]).append(' ').append(String.format("%.2f", SUMS[i].sumThenReset() / n / 1e6))
                    .append(String.format(" (cpu %.2f)", CPU[i].sumThenReset() / n / 1e6)).append(';');
        }
        sb.append(" storage commit (fsync, parallel to the statements) ")
                .append(String.format("%.2f", FSYNC.sumThenReset() / n / 1e6));
        LOG.info(sb.toString());
    }
}
