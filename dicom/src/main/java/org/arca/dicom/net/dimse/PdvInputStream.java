package org.arca.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A data set as it arrives: the association's reader thread pushes each PDV's fragment, the
 * handler thread reads. At most {@code capacity} fragments wait here, so a 2 GB C-STORE is
 * throttled by TCP instead of filling the heap. An abort fails the stream so the handler can
 * discard what it wrote; a handler that stops reading early switches it to discarding.
 *
 * <p>Throughput: consumed fragment buffers go back to the association's {@link
 * BufferPool}, and each side wakes the other only when that one is actually waiting, and
 * the reader only once half the queue is free, the handler only once a batch of fragments
 * is queued, so a transfer costs few allocations and context switches rather than one of
 * each per PDV.
 */
public final class PdvInputStream extends InputStream {
    private record Fragment(byte[] bytes, int length) {
    }

    /**
     * A waiting handler is woken once this many fragments are queued (or the last one came),
     * not for every PDV: with 16 KB PDVs a context switch per PDV cost more than the copying.
     */
    private static final int WAKE_BATCH = 16;

    private final int capacity;
    private final int wakeAt;
    private final ArrayDeque<Fragment> queue = new ArrayDeque<>();
    private final BufferPool pool;
    private byte[] current;
    private int currentLength;
    private int pos;
    private boolean ended;
    private boolean discarding;
    private IOException failure;
    private long received;
    private boolean handlerWaiting;
    private boolean readerWaiting;

    public PdvInputStream(int capacity) {
        this(capacity, new BufferPool(0));
    }

    /** Consumed fragments go back to {@code pool}, which the reader takes fragment buffers from. */
    public PdvInputStream(int capacity, BufferPool pool) {
        this.capacity = capacity;
        this.pool = pool;
        this.wakeAt = Math.max(1, Math.min(WAKE_BATCH, capacity / 2));
    }

    /** Reader side: adds a fragment, blocking while the handler is {@code capacity} behind. */
    public void push(byte[] fragment, boolean last) throws InterruptedIOException {
        push(fragment, fragment.length, last);
    }

    /** Reader side: adds the first {@code length} bytes of {@code fragment}, which then belongs to this stream. */
    public synchronized void push(byte[] fragment, int length, boolean last) throws InterruptedIOException {
        received += length;
        while (!discarding && failure == null && queue.size() >= capacity) {
            readerWaiting = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while handing data to the handler");
            } finally {
                readerWaiting = false;
            }
        }
        if (!discarding && length > 0) {
            queue.add(new Fragment(fragment, length));
        }
        if (last) {
            ended = true;
        }
        if (last || (handlerWaiting && queue.size() >= wakeAt)) {
            notifyAll();
        }
    }

    /** Reader side: the association went away before the last fragment. */
    public synchronized void fail(IOException e) {
        if (!ended && failure == null) {
            failure = e;
            notifyAll();
        }
    }

    /** Total bytes received so far from the network. */
    public synchronized long received() {
        return received;
    }

    /** Handler side: waits until the last fragment arrived (or the association failed). */
    public synchronized void awaitEnd() throws IOException {
        while (!ended && failure == null) {
            handlerWaiting = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            } finally {
                handlerWaiting = false;
            }
        }
        if (!ended) {
            throw failure;
        }
    }

    private boolean fill() throws IOException {
        while (current == null || pos == currentLength) {
            if (current != null) {
                pool.give(current);
            }
            Fragment f = queue.poll();
            current = f == null ? null : f.bytes();
            currentLength = f == null ? 0 : f.length();
            pos = 0;
            if (f != null) {
                if (readerWaiting && queue.size() <= capacity / 2) {
                    notifyAll();
                }
                continue;
            }
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            if (ended || discarding) {
                return false;
            }
            handlerWaiting = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            } finally {
                handlerWaiting = false;
            }
        }
        return true;
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    /** Copies from as many queued fragments as fit, so one call drains what has arrived. */
    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int total = 0;
        do {
            int n = Math.min(len - total, currentLength - pos);
            System.arraycopy(current, pos, b, off + total, n);
            pos += n;
            total += n;
        } while (total < len && (pos < currentLength || !queue.isEmpty()) && fill());
        return total;
    }

    /**
     * Copies into {@code dst} from as many queued fragments as fit (like {@link #read(byte[], int, int)});
     * returns the number of bytes, -1 at the end. With a direct buffer the bytes can go on to a
     * FileChannel without the JDK's copy of a heap array into a temporary direct buffer.
     */
    public synchronized int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int total = 0;
        do {
            int n = Math.min(dst.remaining(), currentLength - pos);
            dst.put(current, pos, n);
            pos += n;
            total += n;
        } while (dst.hasRemaining() && (pos < currentLength || !queue.isEmpty()) && fill());
        return total;
    }

    @Override
    public synchronized int available() {
        return current == null ? 0 : currentLength - pos;
    }

    /** Handler is done: drop what is queued and what is still to come. */
    @Override
    public synchronized void close() {
        discarding = true;
        queue.clear();
        current = null;
        notifyAll();
    }
}
