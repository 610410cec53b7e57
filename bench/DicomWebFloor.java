import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The least an HTTP server on this machine needs for the DICOMweb benchmark's runs, to set
 * Arca's and Orthanc's times against (bench/dicomweb-bench.sh prints it as "floor"):
 * <ul>
 * <li>POST: reads the body (Content-Length) and writes it into new files of OBJECT bytes each,
 *     as an archive keeps one file per object, each fsync'ed on a pool while the next is
 *     written; answers 200 once all are durable. No multipart parsing, no DICOM parsing, no
 *     index, no digest: strictly less than any STOW-RS server must do.</li>
 * <li>GET: sends FILE whole with sendfile (FileChannel.transferTo), as one response with a
 *     Content-Length: less than any WADO-RS server, which sends each object behind a part header.</li>
 * </ul>
 * One thread per connection, HTTP/1.1 without keep-alive (curl opens one connection per call).
 * Usage: java bench/DicomWebFloor.java PORT DIR OBJECT FILE
 */
public class DicomWebFloor {
    private static final AtomicLong NAMES = new AtomicLong();
    private static final ExecutorService FSYNC = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fsync");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        int object = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 64);
        while (true) {
            SocketChannel ch = server.accept();
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Thread t = new Thread(() -> serve(ch, dir, object, file));
            t.start();
        }
    }

    private static void serve(SocketChannel ch, Path dir, int object, Path file) {
        try (ch) {
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
            String head = readHead(ch, buf);
            if (head == null) { // the benchmark's probe whether the port is open (a newline, then closed)
                return;
            }
            if (head.startsWith("POST")) {
                receive(ch, buf, contentLength(head), dir, object);
                reply(ch, "HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\n{}");
            } else {
                try (FileChannel in = FileChannel.open(file)) {
                    long size = in.size();
                    reply(ch, "HTTP/1.1 200 OK\r\nContent-Type: multipart/related; type=\"application/dicom\"\r\n"
                            + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n");
                    for (long pos = 0; pos < size; ) {
                        pos += in.transferTo(pos, size - pos, ch);
                    }
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    /** Reads up to the blank line, leaving what follows it in {@code buf} (flipped); null if closed at once. */
    private static String readHead(SocketChannel ch, ByteBuffer buf) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (ch.read(buf) < 0) {
                if (sb.toString().isBlank()) {
                    return null;
                }
                throw new IOException("connection closed in the request head");
            }
            buf.flip();
            while (buf.hasRemaining()) {
                sb.append((char) buf.get());
                if (sb.length() >= 4 && sb.lastIndexOf("\r\n\r\n") == sb.length() - 4) {
                    buf.compact().flip();
                    return sb.toString();
                }
            }
            buf.clear();
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        throw new IllegalArgumentException("no Content-Length");
    }

    private static void receive(SocketChannel ch, ByteBuffer buf, long length, Path dir, int object)
            throws Exception {
        List<Future<?>> durable = new ArrayList<>();
        long left = length;
        while (left > 0) {
            FileChannel out = FileChannel.open(dir.resolve("o" + NAMES.incrementAndGet()),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            long part = Math.min(object, left);
            while (part > 0) {
                if (!buf.hasRemaining()) {
                    buf.clear();
                    if (ch.read(buf) < 0) {
                        throw new IOException("body ended early");
                    }
                    buf.flip();
                }
                int n = (int) Math.min(buf.remaining(), part);
                int end = buf.limit();
                buf.limit(buf.position() + n); // what follows belongs to the next file
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.limit(end);
                part -= n;
                left -= n;
            }
            durable.add(FSYNC.submit(() -> {
                try (out) {
                    out.force(true);
                }
                return null;
            }));
        }
        for (Future<?> f : durable) {
            f.get();
        }
    }

    private static void reply(SocketChannel ch, String s) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
