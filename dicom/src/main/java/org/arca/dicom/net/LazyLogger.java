package org.arca.dicom.net;

import java.util.logging.Logger;

/**
 * A class's logger, looked up at its first message: starting java.util.logging costs ~20 ms,
 * which a command-line tool pays at every start, and most runs never log.
 */
public final class LazyLogger {
    private final String name;
    private volatile Logger logger;

    public LazyLogger(Class<?> owner) {
        this.name = owner.getName();
    }

    public Logger get() {
        Logger l = logger;
        if (l == null) {
            logger = l = Logger.getLogger(name);
        }
        return l;
    }
}
