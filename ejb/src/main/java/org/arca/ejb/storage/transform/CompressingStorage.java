package org.arca.ejb.storage.transform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;

/**
 * Compresses objects at rest ({@code compression=deflate} for zlib streams, {@code gzip} for
 * gzip members readable with standard tools), optionally with {@code compression-level}.
 * Paths stay as they are; range reads decompress from the start and skip.
 */
public final class CompressingStorage extends ForwardingStorage {

    public enum Format {
        DEFLATE, GZIP;

        public static Format of(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("compression must be deflate or gzip, not '" + value + "'");
            }
        }
    }

    private static final int BUFFER = 64 * 1024;
    private final Format format;
    private final int level;

    public CompressingStorage(Storage delegate, Format format, int level) {
        super(delegate);
        this.format = format;
        this.level = level;
    }

    @Override
    public ObjectWriter create(String path) throws IOException {
        ObjectWriter w = delegate.create(path);
        try {
            return new TransformedWriter(w, encoder(w.stream()));
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private TransformedWriter.Encoder encoder(OutputStream raw) throws IOException {
        DeflaterOutputStream out;
        Deflater deflater;
        if (format == Format.GZIP) {
            GZIPOutputStream gz = new GZIPOutputStream(raw, BUFFER) {
                { def.setLevel(level); }
            };
            out = gz;
            deflater = null; // GZIPOutputStream ends its own deflater on close
        } else {
            deflater = new Deflater(level);
            out = new DeflaterOutputStream(raw, deflater, BUFFER);
        }
        return new TransformedWriter.Encoder() {
            @Override
            public OutputStream stream() {
                return out;
            }

            @Override
            public void finish() throws IOException {
                out.finish();
                out.flush();
            }

            @Override
            public void release() {
                if (deflater != null) {
                    deflater.end();
                } else {
                    try {
                        out.close(); // ends the gzip deflater; the raw stream's close never commits
                    } catch (IOException ignored) {
                        // the writer is being discarded or already committed
                    }
                }
            }
        };
    }

    @Override
    public InputStream open(String path) throws IOException {
        InputStream raw = delegate.open(path);
        try {
            return format == Format.GZIP ? new GZIPInputStream(raw, BUFFER) : new InflaterInputStream(new BufferedInputStream(raw, BUFFER));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
