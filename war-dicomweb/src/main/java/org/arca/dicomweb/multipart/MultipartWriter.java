package org.arca.dicomweb.multipart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Writes a multipart/related body part by part onto a response stream (RFC 2046). */
public final class MultipartWriter {
    private final OutputStream out;
    private final String boundary;

    public MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    /** A boundary that no DICOM content contains in practice (a random UUID). */
    public static String newBoundary() {
        return UUID.randomUUID().toString();
    }

    /** Writes the delimiter and headers of the next part; its content follows on {@link #stream()}. */
    public OutputStream part(Map<String, String> headers) throws IOException {
        out.write(delimiter(boundary, headers));
        return out;
    }

    /** The delimiter and headers that open a part, as written (for a Content-Length in advance). */
    public static byte[] delimiter(String boundary, Map<String, String> headers) {
        StringBuilder sb = new StringBuilder("\r\n--").append(boundary).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The close delimiter, as written. */
    public static byte[] closeDelimiter(String boundary) {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    public OutputStream stream() {
        return out;
    }

    /** Writes the close delimiter. */
    public void finish() throws IOException {
        out.write(closeDelimiter(boundary));
        out.flush();
    }
}
