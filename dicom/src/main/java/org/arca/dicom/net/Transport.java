package org.arca.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The byte streams of one connection, with its read timeout: for plain TCP through the socket's
 * non-blocking channel ({@link ChannelInput}, {@link ChannelOutput}), for TLS through the
 * SSLSocket's streams. TCP_NODELAY always: DIMSE is request/response, and Nagle plus delayed ACK
 * costs ~40 ms a message. A channel is interruptible: interrupting a thread that reads or writes
 * a plain connection closes the connection (an export being canceled stops at once).
 */
final class Transport {
    static final int BUFFER = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Transport(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /**
     * Sets up a connected channel: TLS layered over its socket when the options ask for it (the
     * handshake bounded by {@code handshakeTimeout}), else the channel itself, non-blocking.
     */
    static Transport open(SocketChannel ch, ConnectionOptions opts, boolean client, int handshakeTimeout)
            throws IOException {
        Socket plain = ch.socket();
        plain.setTcpNoDelay(true);
        if (opts.tls() != null) {
            plain.setSoTimeout(handshakeTimeout);
            SSLSocket s = opts.tls().wrap(plain, client);
            return new Transport(s, new BufferedInputStream(s.getInputStream(), BUFFER),
                    new BufferedOutputStream(s.getOutputStream(), 8192));
        }
        ch.configureBlocking(false);
        ChannelInput in = new ChannelInput(ch);
        try {
            return new Transport(plain, in, new ChannelOutput(ch));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** Like SO_TIMEOUT: how long a read may wait (0 = forever). */
    void readTimeout(int millis) throws IOException {
        if (in instanceof ChannelInput ci) {
            ci.timeout(millis);
        } else {
            socket.setSoTimeout(millis);
        }
    }

    SocketAddress remoteAddress() {
        return socket.getRemoteSocketAddress();
    }

    SSLSession tlsSession() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    /** Closes the connection; a thread waiting in a read or write wakes up with an exception. */
    void close() throws IOException {
        try {
            socket.close();
        } finally {
            if (in instanceof ChannelInput) { // their selectors: closing one wakes a thread waiting on it
                in.close();
                out.close();
            }
        }
    }

    @Override
    public String toString() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
