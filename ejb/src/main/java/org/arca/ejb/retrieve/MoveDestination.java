package org.arca.ejb.retrieve;

/** A C-MOVE destination as configured: its AE title and where it listens. */
public record MoveDestination(String aeTitle, String host, int port) {

    /** Finds the destination of an AE title; null when it is unknown. */
    @FunctionalInterface
    public interface Resolver {
        MoveDestination resolve(String aeTitle) throws Exception;
    }
}
