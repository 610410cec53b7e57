package org.arca.ejb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where stored objects live, addressed by a path relative to the storage. The contract a
 * provider (file system now, S3 later) fulfils: an object becomes visible at its path only
 * when {@link ObjectWriter#commit()} returned, and then it is durable; an object never
 * overwrites another one.
 */
public interface Storage {

    /** The dcmStorageID. */
    String id();

    /**
     * Starts writing a new object at {@code path}.
     * @throws java.nio.file.FileAlreadyExistsException if an object is already there
     * @throws IOException if the storage cannot take it (full, read-only, unreachable)
     */
    ObjectWriter create(String path) throws IOException;

    /** Reads a stored object from its start. */
    InputStream open(String path) throws IOException;

    boolean exists(String path) throws IOException;

    /** Removes an object; a missing one is not an error. */
    void delete(String path) throws IOException;

    /** Stores a whole stream under {@code path}; returns the number of bytes stored. */
    default long store(String path, InputStream in) throws IOException {
        try (ObjectWriter w = create(path)) {
            long n;
            try (OutputStream out = w.stream()) {
                n = in.transferTo(out);
            }
            w.commit();
            return n;
        }
    }
}
