package org.arca.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.arca.dicom.net.pdu.PduInput;

/**
 * The receiving half of a plain TCP connection, read through its non-blocking channel: PDU
 * headers come from a small direct buffer, and a data fragment is read by the kernel straight
 * into the buffer it will be written to disk from. A socket's InputStream copies every byte
 * twice on the way (into the JDK's temporary direct buffer, then into our array), which made
 * receiving cost more CPU than DCMTK's. A read timeout (SO_TIMEOUT does not apply to channels)
 * comes from waiting on a selector.
 */
final class ChannelInput extends InputStream implements PduInput.DirectReads {
    /** Enough for a P-DATA-TF header and the PDV header after it: the next fragment's bytes go to its own buffer. */
    private static final int LOOKAHEAD = 12;

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024).flip();
    private final ByteBuffer[] scatter = new ByteBuffer[2];
    private final ByteBuffer[] single = {buf};
    private volatile int timeoutMillis;

    ChannelInput(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.selector = selector(channel, SelectionKey.OP_READ);
    }

    /** A selector of its own that {@code channel} is registered with for {@code ops}. */
    static Selector selector(SocketChannel channel, int ops) throws IOException {
        Selector s = Selector.open();
        try {
            channel.register(s, ops);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Releases the selector; a thread waiting on it wakes up and finds the channel closed. */
    @Override
    public void close() throws IOException {
        selector.close();
    }

    /** Like SO_TIMEOUT: a read waiting longer throws SocketTimeoutException; 0 waits forever. */
    void timeout(int millis) {
        timeoutMillis = millis;
    }

    @Override
    public int read() throws IOException {
        if (!buf.hasRemaining() && fill() < 0) {
            return -1;
        }
        return buf.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buf.hasRemaining() && fill() < 0) {
            return -1;
        }
        int n = Math.min(len, buf.remaining());
        buf.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return buf.remaining();
    }

    /**
     * Fills {@code dst}: first from what is buffered, then straight from the socket, with the
     * few bytes after it (the next PDU's headers, usually) read into our buffer in the same call.
     */
    @Override
    public void readFully(ByteBuffer dst) throws IOException {
        if (buf.hasRemaining()) {
            int limit = buf.limit();
            buf.limit(buf.position() + Math.min(buf.remaining(), dst.remaining()));
            dst.put(buf);
            buf.limit(limit);
        }
        while (dst.hasRemaining()) {
            buf.clear().limit(LOOKAHEAD);
            scatter[0] = dst;
            scatter[1] = buf;
            long n;
            try {
                n = awaitRead(scatter);
            } finally {
                buf.flip();
                scatter[0] = null;
            }
            if (n < 0) {
                throw new java.io.EOFException("connection closed inside a PDU");
            }
        }
    }

    private int fill() throws IOException {
        buf.clear();
        try {
            return (int) awaitRead(single);
        } finally {
            buf.flip();
        }
    }

    /** One read that returns something (or -1 at the end), waiting for the socket at most the timeout. */
    private long awaitRead(ByteBuffer[] dsts) throws IOException {
        long deadline = 0;
        while (true) {
            long n = channel.read(dsts);
            if (n != 0) {
                return n;
            }
            int timeout = timeoutMillis;
            long now = System.nanoTime();
            if (timeout > 0 && deadline == 0) {
                deadline = now + timeout * 1_000_000L;
            }
            long wait = timeout > 0 ? Math.max(1, (deadline - now) / 1_000_000L) : 0;
            if (timeout > 0 && now >= deadline) {
                throw new SocketTimeoutException("Read timed out");
            }
            await(selector, channel, wait);
        }
    }

    /**
     * Waits on {@code selector} (at most {@code millis}, 0 = no limit) until {@code channel} is
     * ready or closed; a closed channel or selector ends the wait with "Socket closed".
     */
    static void await(Selector selector, SocketChannel channel, long millis) throws IOException {
        try {
            selector.select(millis);
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket closed");
        }
        if (!channel.isOpen()) {
            throw new SocketException("Socket closed");
        }
    }
}
