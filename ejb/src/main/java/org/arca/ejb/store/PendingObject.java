package org.arca.ejb.store;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.arca.ejb.index.Location;
import org.arca.ejb.storage.ObjectWriter;

/**
 * An object fully written to its storage whose commit (fsync) runs on another thread while
 * the index is updated. Closing waits for that commit to end before releasing the writer, so
 * a discarded object is never made visible after it was removed.
 */
record PendingObject(ObjectWriter writer, Location location, CompletableFuture<Void> durable)
        implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PendingObject.class.getName());

    /** Waits for the commit to end, whatever its outcome (the index update reports failures). */
    void settle() {
        try {
            durable.join();
        } catch (RuntimeException e) {
            // the failure was or will be answered by the caller
        }
    }

    @Override
    public void close() {
        settle();
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warning("could not discard " + location.storagePath() + ": " + e);
        }
    }
}
