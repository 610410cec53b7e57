package org.arca.tools.common;

import java.io.PrintStream;

/** DCMTK-style messages on stderr: "E: ", "W: ", "I: " (-v), "D: " (-d); -q leaves errors only. */
public final class Log {
    public enum Level { QUIET, WARN, INFO, DEBUG }

    private final PrintStream err;
    private volatile Level level = Level.WARN;

    public Log(PrintStream err) {
        this.err = err;
    }

    /** Consumes -q/-v/-d; returns false for any other option. */
    public boolean option(String opt) {
        switch (opt) {
            case "-q": case "--quiet": level = Level.QUIET; return true;
            case "-v": case "--verbose": level = Level.INFO; return true;
            case "-d": case "--debug": level = Level.DEBUG; return true;
            default: return false;
        }
    }

    public Level level() {
        return level;
    }

    public boolean isInfo() {
        return level.compareTo(Level.INFO) >= 0;
    }

    public boolean isDebug() {
        return level == Level.DEBUG;
    }

    public void error(String msg) {
        err.println("E: " + msg);
    }

    public void warn(String msg) {
        if (level != Level.QUIET) {
            err.println("W: " + msg);
        }
    }

    public void info(String msg) {
        if (isInfo()) {
            err.println("I: " + msg);
        }
    }

    public void debug(String msg) {
        if (isDebug()) {
            err.println("D: " + msg);
        }
    }
}
