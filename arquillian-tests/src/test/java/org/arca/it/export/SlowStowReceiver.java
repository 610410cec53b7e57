package org.arca.it.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;

/**
 * A STOW-RS receiver that takes its time: it reads a whole request, waits {@code delay}
 * (settable while running), counts each instance it got by SOP Instance UID (so duplicates
 * show) and notes the study, then answers 200. For exports that must be caught in the middle.
 */
public final class SlowStowReceiver implements AutoCloseable {

    private final HttpServer server;
    private volatile Duration delay;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> studies = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long lastPartNanos;
    private final Map<String, Long> lastPartOfStudy = new ConcurrentHashMap<>();

    private SlowStowReceiver(HttpServer server, Duration delay) {
        this.server = server;
        this.delay = delay;
    }

    /** Serves POST {path}/studies on 127.0.0.1:port. */
    public static SlowStowReceiver start(int port, String path, Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        SlowStowReceiver r = new SlowStowReceiver(server, delay);
        server.createContext(path, r::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return r;
    }

    public void delay(Duration d) {
        delay = d;
    }

    /** How often each SOP Instance UID arrived. */
    public Map<String, Integer> received() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        received.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** The SOP Instance UIDs received of one study. */
    public Set<String> instancesOf(String studyUid) {
        return studies.getOrDefault(studyUid, Set.of());
    }

    public int requests() {
        return requests.get();
    }

    /** Instances received in total, duplicates included. */
    public int parts() {
        return received.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public long lastPartNanos() {
        return lastPartNanos;
    }

    /** System.nanoTime() when the last instance of the study came (0: none). */
    public long lastPartOf(String studyUid) {
        return lastPartOfStudy.getOrDefault(studyUid, 0L);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (byte[] part : parts(body, boundary(ct))) {
                try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(part))) {
                    String iuid = in.readFileMetaInformation().mediaStorageSOPInstanceUID();
                    Attributes ds = in.readDataset(Tag.SeriesInstanceUID);
                    received.computeIfAbsent(iuid, k -> new AtomicInteger()).incrementAndGet();
                    studies.computeIfAbsent(ds.getString(Tag.StudyInstanceUID), k -> ConcurrentHashMap.newKeySet()).add(iuid);
                    lastPartNanos = System.nanoTime();
                    lastPartOfStudy.put(ds.getString(Tag.StudyInstanceUID), lastPartNanos);
                }
            }
            byte[] answer = "{}".getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().set("Content-Type", "application/dicom+json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
        }
    }

    private static String boundary(String contentType) {
        for (String p : contentType.split(";")) {
            String s = p.trim();
            if (s.startsWith("boundary=")) {
                return s.substring(9).replace("\"", "");
            }
        }
        throw new IllegalArgumentException("no boundary in " + contentType);
    }

    /** The bodies of a multipart/related entity (parts with headers, split at the boundary). */
    static List<byte[]> parts(byte[] body, String boundary) {
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delim, 0);
        while (at >= 0) {
            int start = at + delim.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            int content = indexOf(body, headerEnd, start) + headerEnd.length;
            int next = indexOf(body, delim, content);
            parts.add(Arrays.copyOfRange(body, content, next - 2)); // CRLF before the delimiter
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
