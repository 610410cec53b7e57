package org.arca.ejb.storage.jclouds;

import com.google.common.io.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes kept in fixed-size chunks, handed to jclouds as one repeatable {@link ByteSource}.
 * Appending never copies what is already there (a doubling array copied a 0.5 MB object
 * about twice over, measurable in the profile), and a part's memory grows as it fills.
 */
final class ChunkBuffer {
    static final int CHUNK_SIZE = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private int lastFilled = CHUNK_SIZE;
    private long size;

    void append(byte[] b, int off, int len) {
        while (len > 0) {
            if (lastFilled == CHUNK_SIZE) {
                chunks.add(new byte[CHUNK_SIZE]);
                lastFilled = 0;
            }
            int n = Math.min(len, CHUNK_SIZE - lastFilled);
            System.arraycopy(b, off, chunks.get(chunks.size() - 1), lastFilled, n);
            lastFilled += n;
            size += n;
            off += n;
            len -= n;
        }
    }

    long size() {
        return size;
    }

    /** The bytes appended so far; the buffer must not change while the source is in use. */
    ByteSource bytes() {
        List<ByteSource> sources = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            int length = i == chunks.size() - 1 ? lastFilled : CHUNK_SIZE;
            sources.add(ByteSource.wrap(chunks.get(i)).slice(0, length));
        }
        return ByteSource.concat(sources);
    }
}
