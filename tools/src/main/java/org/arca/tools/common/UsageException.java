package org.arca.tools.common;

/** A command line that cannot be run; the message is printed with the tool's name. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
