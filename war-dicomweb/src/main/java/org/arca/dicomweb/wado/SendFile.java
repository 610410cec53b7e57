package org.arca.dicomweb.wado;

import io.undertow.io.BufferWritableOutputStream;
import io.undertow.servlet.handlers.ServletRequestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Copies stored files onto a response. On Undertow's own response stream: into a body of known
 * length by its transferFrom, which is sendfile(2) from the page cache to the socket (the JVM
 * never touches the bytes); into a chunked body through one direct buffer, read and written
 * in 256 KB pieces (a chunk each, no copy into the Java heap). Elsewhere through a byte array.
 */
final class SendFile {
    private static final int PIECE = InstanceStreams.PIECE;

    private final boolean fixedLength;
    private ByteBuffer direct;
    private byte[] heap;

    /** @param fixedLength the response has a Content-Length (sendfile passes the bytes as they are) */
    SendFile(boolean fixedLength) {
        this.fixedLength = fixedLength;
    }

    /**
     * The servlet response stream of the request this thread serves, as Undertow made it (the
     * stream JAX-RS hands to an entity, and its @Context response, are wrappers that copy);
     * null outside Undertow.
     */
    static OutputStream responseStream() throws IOException {
        ServletRequestContext ctx = ServletRequestContext.current();
        return ctx == null ? null : ctx.getOriginalResponse().getOutputStream();
    }

    /** Writes the file from its position to its end. */
    void send(FileChannel ch, OutputStream out) throws IOException {
        if (out instanceof BufferWritableOutputStream undertow) {
            if (fixedLength) {
                undertow.transferFrom(ch);
                return;
            }
            if (direct == null) {
                direct = ByteBuffer.allocateDirect(PIECE);
            }
            while (ch.read(direct.clear()) >= 0) {
                undertow.write(direct.flip());
            }
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(heap());
        int n;
        while ((n = ch.read(b.clear())) >= 0) {
            out.write(heap, 0, n);
        }
    }

    /** The byte array for copies that cannot go direct (S3 objects, conversions), one per response. */
    byte[] heap() {
        if (heap == null) {
            heap = new byte[PIECE];
        }
        return heap;
    }
}
