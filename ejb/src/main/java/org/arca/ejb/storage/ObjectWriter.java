package org.arca.ejb.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One object being written. Nothing is visible at the path until {@link #commit()}; closing
 * without commit discards what was written (the partial object never shows up).
 */
public interface ObjectWriter extends Closeable {

    /** The stream to write the object's bytes to; closing it does not commit. */
    OutputStream stream();

    /** Makes the object durable and visible at its path; afterwards close() keeps it. */
    void commit() throws IOException;

    /**
     * {@link #commit()} on {@code executor}, so the caller can meanwhile do work that does not
     * need the object durable yet (the index statements before their commit). The future
     * fails with the commit's IOException as cause; close() only after it completed.
     */
    default CompletableFuture<Void> commitAsync(Executor executor) {
        return CompletableFuture.runAsync(() -> {
            try {
                commit();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /**
     * Commits as the storage's dcmOnStoragePathAlreadyExists says, for callers that record where
     * the object went: a provider that finds {@code requested} taken only now (S3 conditional
     * PUT, no existence check before writing) commits under {@code requested.XXXXXXXX} when the
     * policy is RANDOM_PATH. Returns the path committed at; {@link #commit()} never moves.
     */
    default String commitPerPolicy(String requested) throws IOException {
        commit();
        return requested;
    }

    /** Whether {@link #commitPerPolicy} may commit at another path than requested (then commit before recording the path). */
    default boolean commitMayMove() {
        return false;
    }

    /** Discards the object unless committed. Never throws for a discard that found nothing. */
    @Override
    void close() throws IOException;
}
