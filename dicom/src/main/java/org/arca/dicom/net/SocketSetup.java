package org.arca.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Socket settings every DICOM connection gets: no Nagle, buffered streams, optional TLS. */
final class SocketSetup {
    static final int BUFFER = 64 * 1024;

    private SocketSetup() {
    }

    /** TCP_NODELAY always: DIMSE is request/response and Nagle plus delayed ACK costs ~40 ms a message. */
    static Socket prepare(Socket s, ConnectionOptions opts, boolean client, int handshakeTimeout) throws IOException {
        s.setTcpNoDelay(true);
        if (opts.tls() == null) {
            return s;
        }
        s.setSoTimeout(handshakeTimeout);
        return opts.tls().wrap(s, client);
    }

    static InputStream input(Socket s) throws IOException {
        return new BufferedInputStream(s.getInputStream(), BUFFER);
    }

    /** PduOutput writes whole PDUs at once, so the buffer only merges small control PDUs. */
    static OutputStream output(Socket s) throws IOException {
        return new BufferedOutputStream(s.getOutputStream(), 8192);
    }
}
