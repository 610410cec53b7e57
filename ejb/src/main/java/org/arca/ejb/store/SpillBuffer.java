package org.arca.ejb.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds the bytes read while the header is parsed, before the storage path (which depends on
 * the header) is known: in memory up to a limit, then in a temporary file, so a data set with
 * a huge element before its pixel data never fills the heap.
 */
final class SpillBuffer extends OutputStream {
    private final int memoryLimit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(64 * 1024);
    private Path file;
    private OutputStream fileOut;

    SpillBuffer(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + len > memoryLimit) {
            file = Files.createTempFile("arca-store", ".head");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    /** Copies everything buffered so far to {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        if (fileOut == null) {
            memory.writeTo(out);
            return;
        }
        fileOut.flush();
        Files.copy(file, out);
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
        }
    }
}
