package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.arca.dicom.net.dimse.BufferPool;
import org.arca.dicom.net.dimse.PdvInputStream;
import org.arca.dicom.net.pdu.PduInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-TCP transport: reads through the non-blocking channel, timeouts, close, gathering writes. */
class TransportTest {
    private ServerSocketChannel server;
    private Socket peer;
    private Transport transport;

    @BeforeEach
    void connect() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        peer = new Socket("127.0.0.1", server.socket().getLocalPort());
        SocketChannel ch = server.accept();
        transport = Transport.open(ch, new ConnectionOptions(), false, 1000);
    }

    @AfterEach
    void close() throws IOException {
        transport.close();
        peer.close();
        server.close();
    }

    @Test
    void aReadWaitingLongerThanTheTimeoutFails() throws Exception {
        transport.readTimeout(200);
        long t0 = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> transport.in().read());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 190 && ms < 5000, "timed out after " + ms + " ms");
        peer.getOutputStream().write(7); // the connection is still usable
        assertEquals(7, transport.in().read());
    }

    @Test
    void closingWakesAReaderWaitingWithoutTimeout() throws Exception {
        transport.readTimeout(0);
        CompletableFuture<Exception> read = CompletableFuture.supplyAsync(() -> {
            try {
                transport.in().read();
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(100);
        transport.close();
        assertTrue(read.get(5, TimeUnit.SECONDS) instanceof IOException);
    }

    @Test
    void theEndOfTheStreamIsMinusOne() throws Exception {
        peer.getOutputStream().write(new byte[] {1, 2});
        peer.shutdownOutput();
        InputStream in = transport.in();
        assertEquals(1, in.read());
        assertEquals(2, in.read());
        assertEquals(-1, in.read());
    }

    /**
     * PDU-like framing as a peer sends it in arbitrary pieces: 12 header bytes read through the
     * stream, then a fragment straight into a direct buffer, many times; every byte lands in order.
     */
    @Test
    void fragmentsReadIntoDirectBuffersArriveWholeAndInOrder() throws Exception {
        byte[] sent = new byte[40 * (12 + 16_000)];
        new Random(3).nextBytes(sent);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = peer.getOutputStream();
                Random r = new Random(4);
                for (int off = 0; off < sent.length; ) {
                    int n = Math.min(1 + r.nextInt(30_000), sent.length - off);
                    out.write(sent, off, n);
                    off += n;
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        PduInput in = new PduInput(transport.in());
        assertTrue(in.readsDirect());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] header = new byte[12];
        ByteBuffer fragment = ByteBuffer.allocateDirect(16_000);
        for (int i = 0; i < 40; i++) {
            in.readFully(header, 0, 12);
            got.write(header);
            in.readFully(fragment.clear());
            byte[] b = new byte[16_000];
            fragment.flip().get(b);
            got.write(b);
        }
        writer.get(10, TimeUnit.SECONDS);
        assertArrayEquals(sent, got.toByteArray());
    }

    /** More than the socket buffers hold, while the peer reads slowly: the writer waits, nothing is lost. */
    @Test
    void writesWaitForAPeerThatReadsSlowly() throws Exception {
        byte[] a = new byte[3 << 20];
        byte[] b = new byte[5 << 20];
        new Random(5).nextBytes(a);
        new Random(6).nextBytes(b);
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = peer.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[64 * 1024];
                int n;
                Thread.sleep(200); // let the writer fill the socket buffers first
                while (got.size() < a.length + b.length && (n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                }
                return got.toByteArray();
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        transport.out().write(a);
        transport.out().write(b, 0, b.length);
        byte[] got = reader.get(20, TimeUnit.SECONDS);
        assertArrayEquals(a, Arrays.copyOfRange(got, 0, a.length));
        assertArrayEquals(b, Arrays.copyOfRange(got, a.length, got.length));
    }

    /** transferTo: the prefix, then every fragment in order, each buffer back in the pool afterwards. */
    @Test
    void aDataSetGoesToAFileBehindItsPrefix(@TempDir Path dir) throws Exception {
        PdvInputStream pipe = new PdvInputStream(8, BufferPool.sharedDirect());
        byte[] data = new byte[37 * 1000 + 11];
        new Random(7).nextBytes(data);
        Thread reader = new Thread(() -> {
            try {
                for (int off = 0; off < data.length; off += 1000) {
                    int n = Math.min(1000, data.length - off);
                    ByteBuffer f = BufferPool.sharedDirect().take(n);
                    f.put(data, off, n).flip();
                    pipe.push(f, off + n == data.length);
                }
            } catch (IOException e) {
                pipe.fail(e);
            }
        });
        reader.start();
        Path file = dir.resolve("out");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertEquals(data.length, pipe.transferTo(ch, ByteBuffer.wrap(new byte[] {9, 8, 7})));
        }
        reader.join(10_000);
        byte[] got = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {9, 8, 7}, Arrays.copyOfRange(got, 0, 3));
        assertArrayEquals(data, Arrays.copyOfRange(got, 3, got.length));
    }

    @Test
    void transferToFailsWhenTheAssociationDiesMidway(@TempDir Path dir) throws Exception {
        PdvInputStream pipe = new PdvInputStream(8);
        pipe.push(new byte[] {1, 2, 3, 4}, false);
        pipe.fail(new IOException("A-ABORT received"));
        try (FileChannel ch = FileChannel.open(dir.resolve("x"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            IOException e = assertThrows(IOException.class, () -> pipe.transferTo(ch, null));
            assertEquals("A-ABORT received", e.getMessage());
        }
    }
}
