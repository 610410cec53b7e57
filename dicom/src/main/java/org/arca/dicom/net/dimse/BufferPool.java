package org.arca.dicom.net.dimse;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Fragment buffers, reused from one C-STORE to the next. Fresh arrays for every PDV made the
 * JVM touch new heap pages all the time (page faults were the largest item of the receive
 * profile); a bounded pool keeps the same few megabytes in use. Heap pools belong to one
 * association; direct buffers (filled by the kernel, written to files without a copy) are
 * costly to allocate and freed only by the collector, so all associations share one pool.
 */
public final class BufferPool {
    private static final BufferPool DIRECT = new BufferPool(true, 4096, 32L << 20);

    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private final boolean direct;
    private final int maxBuffers;
    private final long maxBytes;
    private long freeBytes;

    /** A heap pool keeping at most {@code maxBuffers} buffers. */
    public BufferPool(int maxBuffers) {
        this(false, maxBuffers, Long.MAX_VALUE);
    }

    private BufferPool(boolean direct, int maxBuffers, long maxBytes) {
        this.direct = direct;
        this.maxBuffers = maxBuffers;
        this.maxBytes = maxBytes;
    }

    /** The pool of direct buffers all associations share (at most 32 MB kept). */
    public static BufferPool sharedDirect() {
        return DIRECT;
    }

    /** A cleared buffer of at least {@code length} bytes, its limit at {@code length}. */
    public ByteBuffer take(int length) {
        ByteBuffer b;
        synchronized (this) {
            b = free.poll();
            if (b != null) {
                freeBytes -= b.capacity();
            }
        }
        if (b == null || b.capacity() < length) {
            b = direct ? ByteBuffer.allocateDirect(length) : ByteBuffer.allocate(length);
        }
        return b.clear().limit(length);
    }

    /** Returns a buffer nobody reads any more. */
    public synchronized void give(ByteBuffer b) {
        if (free.size() < maxBuffers && freeBytes + b.capacity() <= maxBytes) {
            free.push(b);
            freeBytes += b.capacity();
        }
    }
}
