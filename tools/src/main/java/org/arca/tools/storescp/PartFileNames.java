package org.arca.tools.storescp;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hidden names for the files objects are received into: this process's id and a counter. A
 * random UUID per object cost a SecureRandom (seeded from the system at the first object).
 * Unique among this process's threads; the writer creates them exclusively, so a name another
 * process with the same id left behind is skipped.
 */
final class PartFileNames {
    private static final String PREFIX = ".storescp-" + ProcessHandle.current().pid() + "-";
    private static final AtomicLong SERIAL = new AtomicLong();

    private PartFileNames() {
    }

    static String next() {
        return PREFIX + SERIAL.incrementAndGet() + ".part";
    }
}
