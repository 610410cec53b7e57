package org.arca.ejb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.stream.Stream;

/**
 * Where stored objects live, addressed by a path relative to the storage ({@code /}-separated).
 * The contract every provider (file system, jclouds blob stores, third-party ones found through
 * {@link StorageProvider}) fulfils: an object becomes visible at its path only when
 * {@link ObjectWriter#commit()} returned, and then it is durable; an object never overwrites
 * another one.
 */
public interface Storage extends AutoCloseable {

    /** The dcmStorageID. */
    String id();

    /**
     * Starts writing a new object at {@code path}.
     * @throws java.nio.file.FileAlreadyExistsException if an object is already there (a provider
     *         that lets the store refuse at commit, S3 with conditional PUT, throws it from
     *         {@link ObjectWriter#commit()} instead: one request fewer per object)
     * @throws IOException if the storage cannot take it (full, read-only, unreachable)
     */
    ObjectWriter create(String path) throws IOException;

    /**
     * Reads a stored object from its start.
     * @throws java.nio.file.NoSuchFileException if there is no object at {@code path}
     */
    InputStream open(String path) throws IOException;

    /**
     * Reads {@code length} bytes of a stored object from {@code offset} (bulk data, frames), or
     * up to its end when {@code length} is negative. A range past the end gives what is there.
     * Providers that can seek or ask for a range override this; the default reads and skips.
     */
    default InputStream open(String path, long offset, long length) throws IOException {
        InputStream in = open(path);
        try {
            in.skipNBytes(offset);
        } catch (java.io.EOFException e) {
            in.close();
            return InputStream.nullInputStream();
        }
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    boolean exists(String path) throws IOException;

    /** Removes an object; a missing one is not an error. */
    void delete(String path) throws IOException;

    /**
     * The paths of all objects below {@code prefix} (a directory ending in {@code /}, or
     * {@code ""} for everything), at any depth, produced lazily: a storage with millions of
     * objects is walked without holding them. Close the stream when done.
     */
    Stream<String> objects(String prefix) throws IOException;

    /**
     * One level below {@code prefix} (a directory ending in {@code /}, or {@code ""}): the
     * objects there and the directories, whose paths end in {@code /}. Close the stream.
     */
    Stream<String> list(String prefix) throws IOException;

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

    /** Releases connections and threads of the provider; the storage is not used afterwards. */
    @Override
    default void close() throws IOException {
    }
}
