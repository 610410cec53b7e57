package org.arca.dicomweb.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart body (RFC 2046) part by part from a stream, with a fixed buffer: a part's
 * content is handed out as it arrives, so neither a part nor the body is ever held in memory
 * and there is no size limit. The delimiter is CRLF "--" boundary; the CRLF before the first
 * one is optional (the body may start with it). Malformed input throws
 * {@link MultipartException} naming what is wrong and where.
 */
public final class MultipartParser {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    /** RFC 2046 says 70, but Orthanc's STOW-RS client sends 73 characters: be lenient. */
    public static final int MAX_BOUNDARY = 256;

    private final InputStream in;
    private final String boundary;
    private final byte[] delimiter;
    /** Horspool's shift for each byte value found at the last position of a candidate. */
    private final int[] skip = new int[256];
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long offset; // body offset of buf[0]
    private int parts;
    private boolean started;
    private boolean done;
    private PartStream current;
    /** No delimiter starts in buf before this index (from pos on): where the next search resumes. */
    private int scanFrom;
    /** Where the delimiter found last starts, while still ahead of pos; else -1. */
    private int foundAt = -1;

    public MultipartParser(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new IllegalArgumentException("boundary must have 1 to " + MAX_BOUNDARY + " characters: " + boundary);
        }
        this.in = in;
        this.boundary = boundary;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER_SIZE + delimiter.length];
        java.util.Arrays.fill(skip, delimiter.length);
        for (int j = 0; j < delimiter.length - 1; j++) {
            skip[delimiter[j] & 0xFF] = delimiter.length - 1 - j;
        }
        buf[0] = '\r'; // a virtual CRLF, so that a body starting with the delimiter matches
        buf[1] = '\n';
        limit = 2;
        offset = -2;
    }

    /** The number of parts handed out so far. */
    public int parts() {
        return parts;
    }

    /** The next part (skipping the rest of the previous one), or null after the close delimiter. */
    public Part nextPart() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            skipPreamble();
        } else {
            current.skipAll();
        }
        if (!ensure(2)) {
            throw truncated("after the boundary delimiter that ends part " + parts + ", where '--' or CRLF belongs");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            done = true;
            pos += 2;
            return null; // the epilogue is ignored
        }
        while (ensure(1) && (buf[pos] == ' ' || buf[pos] == '\t')) {
            pos++; // transport padding
        }
        if (!ensure(2)) {
            throw truncated("in the boundary delimiter line of part " + (parts + 1));
        }
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new MultipartException("boundary delimiter of part " + (parts + 1) + " at byte " + (offset + pos)
                    + " is not followed by CRLF");
        }
        pos += 2;
        parts++;
        Map<String, String> headers = readHeaders();
        current = new PartStream();
        return new Part(parts, headers, current);
    }

    private void skipPreamble() throws IOException {
        while (true) {
            int k = indexOfDelimiter();
            if (k >= 0) {
                pos = k + delimiter.length;
                return;
            }
            pos = Math.max(pos, limit - delimiter.length + 1);
            if (eof || !fill()) {
                throw new MultipartException("the body has no boundary delimiter '--" + boundary
                        + "' (the boundary of the Content-Type header); it ends after " + Math.max(0, offset + limit)
                        + " bytes");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new MultipartException("headers of part " + parts + " exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MultipartException("part " + parts + " has a malformed header line: '" + line + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!ensure(1)) {
                throw truncated("in the headers of part " + parts);
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() > MAX_HEADER_BYTES) {
                throw new MultipartException("a header line of part " + parts + " exceeds " + MAX_HEADER_BYTES + " bytes");
            }
            sb.append((char) (b & 0xFF));
        }
    }

    private MultipartException truncated(String where) {
        return new MultipartException("multipart body truncated: it ends after " + (offset + limit) + " bytes, "
                + where + " (no closing delimiter '--" + boundary + "--')");
    }

    /** Makes at least n bytes available at pos; false at end of stream. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof || !fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front and reads more; false at end of stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            offset += pos;
            limit -= pos;
            scanFrom = Math.max(0, scanFrom - pos);
            foundAt = foundAt >= pos ? foundAt - pos : -1;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /**
     * Where the next delimiter starts in buf, or -1 if not within what is buffered. Remembers how
     * far it looked (a part's reader asks again for every chunk it takes) and skips ahead as
     * Horspool's search does: the delimiter is some 40 bytes, so a part's content is mostly
     * stepped over rather than compared byte by byte, which was STOW-RS's top CPU cost.
     */
    private int indexOfDelimiter() {
        if (foundAt >= pos) {
            return foundAt;
        }
        int m = delimiter.length;
        int last = limit - m;
        int i = Math.max(pos, scanFrom);
        while (i <= last) {
            int j = m - 1;
            while (j >= 0 && buf[i + j] == delimiter[j]) {
                j--;
            }
            if (j < 0) {
                foundAt = i;
                scanFrom = i;
                return i;
            }
            i += skip[buf[i + m - 1] & 0xFF];
        }
        scanFrom = i; // every start before i is ruled out, even beyond what is buffered
        return -1;
    }

    /** A part's content: up to (not including) the next delimiter, which it consumes at its end. */
    private final class PartStream extends InputStream {
        private boolean ended;
        private long read;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended || current != this) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int k = indexOfDelimiter();
                int available = k >= 0 ? k - pos : limit - delimiter.length + 1 - pos;
                if (k == pos) {
                    pos += delimiter.length;
                    ended = true;
                    return -1;
                }
                if (available > 0) {
                    int n = Math.min(len, available);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    read += n;
                    return n;
                }
                if (eof || !fill()) {
                    throw truncated("in the content of part " + parts + " after " + (read + limit - pos)
                            + " of its bytes");
                }
            }
        }

        void skipAll() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard what the consumer left unread
            }
        }
    }
}
