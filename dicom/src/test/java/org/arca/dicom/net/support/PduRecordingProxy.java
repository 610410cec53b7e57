package org.arca.dicom.net.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-connection TCP proxy that forwards everything and records the type and length of every
 * PDU in each direction, to check independently what each side put on the wire.
 */
public final class PduRecordingProxy implements AutoCloseable {
    /** One PDU seen on the wire. */
    public record Pdu(int type, long length) {
    }

    public final List<Pdu> toServer = new CopyOnWriteArrayList<>();
    public final List<Pdu> toClient = new CopyOnWriteArrayList<>();
    private final ServerSocket listener;
    private final Thread thread;

    public PduRecordingProxy(int targetPort) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket client = listener.accept(); Socket server = new Socket("127.0.0.1", targetPort)) {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Thread back = new Thread(() -> pump(server, client, toClient));
                back.setDaemon(true);
                back.start();
                pump(client, server, toServer);
                back.join(10_000);
            } catch (IOException | InterruptedException ignored) {
                // proxy ends with the connection
            }
        }, "pdu-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private static void pump(Socket from, Socket to, List<Pdu> log) {
        try {
            DataInputStream in = new DataInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            byte[] hdr = new byte[6];
            byte[] buf = new byte[65536];
            while (true) {
                try {
                    in.readFully(hdr);
                } catch (EOFException e) {
                    break;
                }
                long len = ((long) (hdr[2] & 0xFF) << 24) | ((hdr[3] & 0xFF) << 16) | ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
                log.add(new Pdu(hdr[0] & 0xFF, len));
                out.write(hdr);
                long left = len;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new EOFException();
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                out.flush();
            }
        } catch (IOException ignored) {
            // connection closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    public static long maxPDataLength(List<Pdu> pdus) {
        return pdus.stream().filter(p -> p.type() == 4).mapToLong(Pdu::length).max().orElse(0);
    }

    public static long countPData(List<Pdu> pdus) {
        return pdus.stream().filter(p -> p.type() == 4).count();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        thread.join(10_000);
    }
}
