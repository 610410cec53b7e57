package org.arca.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A value kept by reference instead of in memory: {@code length} bytes at {@code offset} of
 * the resource named by {@code uri} (a {@code file:} URI of the stored object, usually).
 * Pixel data and other large OB/OW values are read this way so that indexing an object never
 * holds its pixels. The bytes are in the byte order of the data set they were read from.
 */
public final class BulkData {

    private final URI uri;
    private final long offset;
    private final long length;
    private final boolean bigEndian;

    public BulkData(URI uri, long offset, long length, boolean bigEndian) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        this.uri = Objects.requireNonNull(uri);
        this.offset = offset;
        this.length = length;
        this.bigEndian = bigEndian;
    }

    public URI uri() {
        return uri;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    /** True when the referenced bytes are big endian (values read from Explicit VR BE). */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** Opens the referenced bytes; only {@code file:} URIs are resolved here. */
    public InputStream openStream() throws IOException {
        FileChannel ch = FileChannel.open(path(), StandardOpenOption.READ);
        ch.position(offset);
        return new InputStream() {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)));
                if (n < 0) {
                    throw new IOException(uri + ": ends before offset " + (offset + length));
                }
                remaining -= n;
                return n;
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    /** Reads the whole value into memory. */
    public byte[] readBytes() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException(uri + ": value of " + length + " bytes does not fit in an array");
        }
        try (InputStream in = openStream()) {
            return in.readNBytes((int) length);
        }
    }

    private Path path() throws IOException {
        if (!"file".equals(uri.getScheme())) {
            throw new IOException("cannot open bulk data at " + uri + ": only file: URIs");
        }
        return Path.of(uri);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkData b && uri.equals(b.uri) && offset == b.offset
                && length == b.length && bigEndian == b.bigEndian;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, offset, length);
    }

    @Override
    public String toString() {
        return uri + "?offset=" + offset + "&length=" + length;
    }
}
