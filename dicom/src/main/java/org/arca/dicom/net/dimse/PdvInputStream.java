package org.arca.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A data set as it arrives: the association's reader thread pushes each PDV's fragment, the
 * handler thread reads. At most {@code capacity} fragments wait here, so a 2 GB C-STORE is
 * throttled by TCP instead of filling the heap. An abort fails the stream so the handler can
 * discard what it wrote; a handler that stops reading early switches it to discarding.
 */
public final class PdvInputStream extends InputStream {
    private final int capacity;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private byte[] current;
    private int pos;
    private boolean ended;
    private boolean discarding;
    private IOException failure;
    private long received;

    public PdvInputStream(int capacity) {
        this.capacity = capacity;
    }

    /** Reader side: adds a fragment, blocking while the handler is {@code capacity} behind. */
    public synchronized void push(byte[] fragment, boolean last) throws InterruptedIOException {
        received += fragment.length;
        while (!discarding && failure == null && queue.size() >= capacity) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while handing data to the handler");
            }
        }
        if (!discarding && fragment.length > 0) {
            queue.add(fragment);
        }
        if (last) {
            ended = true;
        }
        notifyAll();
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
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        if (!ended) {
            throw failure;
        }
    }

    private boolean fill() throws IOException {
        while (current == null || pos == current.length) {
            current = queue.poll();
            pos = 0;
            if (current != null) {
                notifyAll();
                continue;
            }
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            if (ended || discarding) {
                return false;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        return true;
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return current == null ? 0 : current.length - pos;
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
