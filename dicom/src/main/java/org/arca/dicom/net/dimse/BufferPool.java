package org.arca.dicom.net.dimse;

import java.util.ArrayDeque;

/**
 * Fragment buffers of one association, reused from one C-STORE to the next. Fresh arrays for
 * every PDV made the JVM touch new heap pages all the time (page faults were the largest item
 * of the receive profile); a bounded pool keeps the same few megabytes in use.
 */
public final class BufferPool {
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final int maxBuffers;

    public BufferPool(int maxBuffers) {
        this.maxBuffers = maxBuffers;
    }

    /** A buffer of at least {@code length} bytes. */
    public synchronized byte[] take(int length) {
        byte[] b = free.poll();
        return b != null && b.length >= length ? b : new byte[length];
    }

    /** Returns a buffer nobody reads any more. */
    public synchronized void give(byte[] b) {
        if (free.size() < maxBuffers) {
            free.push(b);
        }
    }
}
