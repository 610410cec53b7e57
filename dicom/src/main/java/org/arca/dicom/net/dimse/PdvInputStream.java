package org.arca.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
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
 * each per PDV. {@link #transferTo} hands the queued fragments to a channel as they are: with
 * direct fragments filled by the kernel, a data set reaches its file without being copied.
 */
public final class PdvInputStream extends InputStream {
    /**
     * A waiting handler is woken once this many fragments are queued (or the last one came),
     * not for every PDV: with 16 KB PDVs a context switch per PDV cost more than the copying.
     */
    private static final int WAKE_BATCH = 16;

    private final int capacity;
    private final int wakeAt;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private final BufferPool pool;
    /** The fragment the handler reads from; its position is the next byte. */
    private ByteBuffer current;
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
        push(ByteBuffer.wrap(fragment), last);
    }

    /** Reader side: adds the first {@code length} bytes of {@code fragment}, which then belongs to this stream. */
    public void push(byte[] fragment, int length, boolean last) throws InterruptedIOException {
        push(ByteBuffer.wrap(fragment, 0, length), last);
    }

    /** Reader side: adds the bytes from the fragment's position to its limit; the buffer then belongs to this stream. */
    public synchronized void push(ByteBuffer fragment, boolean last) throws InterruptedIOException {
        int length = fragment.remaining();
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
            queue.add(fragment);
        } else {
            pool.give(fragment);
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
            handlerWait();
        }
        if (!ended) {
            throw failure;
        }
    }

    /** Makes {@code current} a fragment with bytes left; false at the end of the data set. */
    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (current != null) {
                pool.give(current);
            }
            current = queue.poll();
            if (current != null) {
                if (readerWaiting && queue.size() <= capacity / 2) {
                    notifyAll();
                }
                continue;
            }
            if (!awaitFragment()) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the reader: false at the end (or when discarding), an exception if the association failed. */
    private boolean awaitFragment() throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        if (ended || discarding) {
            return false;
        }
        handlerWait();
        return true;
    }

    /** The handler waits for the reader's notify (it is woken only when {@code handlerWaiting}). */
    private void handlerWait() throws InterruptedIOException {
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

    @Override
    public synchronized int read() throws IOException {
        return fill() ? current.get() & 0xFF : -1;
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
            int n = Math.min(len - total, current.remaining());
            current.get(b, off + total, n);
            total += n;
        } while (total < len && (current.hasRemaining() || !queue.isEmpty()) && fill());
        return total;
    }

    /**
     * Copies into {@code dst} from as many queued fragments as fit (like {@link #read(byte[], int, int)});
     * returns the number of bytes, -1 at the end.
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
            int n = Math.min(dst.remaining(), current.remaining());
            int limit = current.limit();
            dst.put(current.limit(current.position() + n));
            current.limit(limit);
            total += n;
        } while (dst.hasRemaining() && (current.hasRemaining() || !queue.isEmpty()) && fill());
        return total;
    }

    /**
     * Writes the rest of the data set to {@code out}, after {@code prefix} (null for none): all
     * fragments that have arrived go in one gathering write, as they are, and back to the pool
     * afterwards. Returns the number of data set bytes written.
     */
    public long transferTo(GatheringByteChannel out, ByteBuffer prefix) throws IOException {
        ByteBuffer[] batch = new ByteBuffer[capacity + 2];
        int first = prefix == null ? 0 : 1;
        long total = 0;
        while (true) {
            int n = takeAll(batch, first);
            if (first == 1) {
                batch[0] = prefix;
            }
            long data = 0;
            for (int i = first; i < n; i++) {
                data += batch[i].remaining();
            }
            total += data;
            long left = first == 1 ? data + prefix.remaining() : data;
            while (left > 0) {
                left -= out.write(batch, 0, n);
            }
            recycle(batch, first, n);
            if (n == first) {
                return total;
            }
            first = 0;
            prefix = null;
        }
    }

    /** Moves the current fragment and all queued ones into {@code into} from {@code off}, waiting for one; returns the end index. */
    private synchronized int takeAll(ByteBuffer[] into, int off) throws IOException {
        while (true) {
            int n = off;
            if (current != null) {
                if (current.hasRemaining()) {
                    into[n++] = current;
                } else {
                    pool.give(current);
                }
                current = null;
            }
            ByteBuffer f;
            while (n < into.length && (f = queue.poll()) != null) {
                into[n++] = f;
            }
            if (n > off) {
                if (readerWaiting) {
                    notifyAll();
                }
                return n;
            }
            if (!awaitFragment()) {
                return off;
            }
        }
    }

    private synchronized void recycle(ByteBuffer[] batch, int from, int to) {
        for (int i = from; i < to; i++) {
            pool.give(batch[i]);
            batch[i] = null;
        }
    }

    @Override
    public synchronized int available() {
        return current == null ? 0 : current.remaining();
    }

    /** Handler is done: drop what is queued and what is still to come. */
    @Override
    public synchronized void close() {
        discarding = true;
        ByteBuffer f;
        while ((f = queue.poll()) != null) {
            pool.give(f);
        }
        current = null;
        notifyAll();
    }
}
