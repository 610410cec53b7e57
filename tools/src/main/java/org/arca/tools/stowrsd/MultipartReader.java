package org.arca.tools.stowrsd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart body (RFC 2046) part by part from a stream, copying each part's content to
 * an output stream as it arrives: only a buffer's worth is ever in memory.
 */
final class MultipartReader {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADERS = 16 * 1024;
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final byte[] delimiter;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) throws IOException {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        // the first delimiter has no CRLF before it: pretend there was one
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        if (!copyUntil(delimiter, OutputStream.nullOutputStream(), Long.MAX_VALUE)) {
            throw new IOException("no multipart boundary in the body");
        }
    }

    /** The next part's headers (names in lower case), or null after the last part. */
    Map<String, String> nextPart() throws IOException {
        if (finished) {
            return null;
        }
        fill(2);
        if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        if (!copyUntil(HEADERS_END, raw, MAX_HEADERS)) {
            throw new IOException("multipart headers end not found");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : raw.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Copies the current part's content to {@code out}. */
    void copyPart(OutputStream out) throws IOException {
        if (!copyUntil(delimiter, out, Long.MAX_VALUE)) {
            throw new IOException("multipart body ends inside a part");
        }
    }

    /** Copies bytes up to {@code marker} (consumed, not copied); false at end of stream or limit. */
    private boolean copyUntil(byte[] marker, OutputStream out, long limit) throws IOException {
        long copied = 0;
        while (true) {
            fill(marker.length);
            int found = indexOf(marker);
            int end = found >= 0 ? found : Math.max(pos, lim - marker.length + 1);
            if (eof && found < 0) {
                end = lim;
            }
            out.write(buf, pos, end - pos);
            copied += end - pos;
            pos = end;
            if (found >= 0) {
                pos += marker.length;
                return true;
            }
            if (eof || copied > limit) {
                return false;
            }
        }
    }

    private int indexOf(byte[] marker) {
        outer:
        for (int i = pos; i <= lim - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (buf[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads until at least {@code n} bytes are buffered beyond pos, or a full buffer, or EOF. */
    private void fill(int n) throws IOException {
        if (lim - pos >= Math.max(n, buf.length / 2) || eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, n * 2);
        }
        while (lim < buf.length) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
                return;
            }
            lim += r;
            if (lim - pos >= n && in.available() == 0) {
                return;
            }
        }
    }
}
