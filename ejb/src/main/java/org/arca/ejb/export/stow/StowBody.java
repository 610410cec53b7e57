package org.arca.ejb.export.stow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A multipart/related; type="application/dicom" request body (PS3.18 10.5) streamed from the
 * parts' sources: each object is opened only when the body reaches it, so memory stays flat
 * whatever the study size. The length is known up front unless chunked transfer is asked for.
 */
public final class StowBody {

    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final String boundary = "arca-" + UUID.randomUUID();
    private final List<StowPart> parts;
    private final BooleanSupplier canceled;

    public StowBody(List<StowPart> parts) {
        this(parts, () -> false);
    }

    /** A body whose reading fails once {@code canceled} says so: the request then aborts. */
    public StowBody(List<StowPart> parts, BooleanSupplier canceled) {
        this.parts = parts;
        this.canceled = canceled;
    }

    public String contentType() {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    public long length() {
        long n = closing().length;
        for (StowPart p : parts) {
            n += partHeader().length + p.length() + CRLF.length;
        }
        return n;
    }

    public HttpRequest.BodyPublisher publisher(boolean chunked) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(this::open);
        return chunked ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length());
    }

    /** The whole body as one stream; a part's source is opened when reading reaches it. */
    public InputStream open() {
        List<InputStream> pieces = new ArrayList<>();
        for (StowPart p : parts) {
            pieces.add(new ByteArrayInputStream(partHeader()));
            pieces.add(deferred(p, canceled));
            pieces.add(new ByteArrayInputStream(CRLF));
        }
        pieces.add(new ByteArrayInputStream(closing()));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** A stream that opens the part's source only when first read, and fails once the task is canceled. */
    private static InputStream deferred(StowPart p, BooleanSupplier canceled) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (canceled.getAsBoolean()) {
                    throw new IOException("export task canceled");
                }
                if (in == null) {
                    in = p.open();
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    private byte[] partHeader() {
        return ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
