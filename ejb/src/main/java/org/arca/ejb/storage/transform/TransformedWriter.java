package org.arca.ejb.storage.transform;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.arca.ejb.storage.ObjectWriter;

/**
 * An object writer whose bytes pass through an encoder (compressor, cipher) before reaching
 * the wrapped writer. The encoder is finished (trailer, last segment written) on commit or when
 * the stream is closed, whichever comes first; the store pipeline commits without closing.
 */
final class TransformedWriter implements ObjectWriter {

    /** The encoding stream over the wrapped writer's stream, and how to end it. */
    interface Encoder {
        OutputStream stream();

        /** Writes what the encoder still holds; called once. */
        void finish() throws IOException;

        /** Frees native resources; called once, finished or not. */
        default void release() {
        }
    }

    private final ObjectWriter delegate;
    private final Encoder encoder;
    private final OutputStream stream;
    private boolean finished;

    TransformedWriter(ObjectWriter delegate, Encoder encoder) {
        this.delegate = delegate;
        this.encoder = encoder;
        this.stream = new FilterOutputStream(encoder.stream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                finish();
            }
        };
    }

    private void finish() throws IOException {
        if (!finished) {
            finished = true;
            encoder.finish();
        }
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void commit() throws IOException {
        finish();
        delegate.commit();
    }

    @Override
    public String commitPerPolicy(String requested) throws IOException {
        finish();
        return delegate.commitPerPolicy(requested);
    }

    @Override
    public boolean commitMayMove() {
        return delegate.commitMayMove();
    }

    @Override
    public void close() throws IOException {
        try {
            delegate.close();
        } finally {
            encoder.release();
        }
    }
}
