package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import org.arca.ejb.storage.ObjectWriter;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;

/**
 * Writes one blob. Up to one part size it is kept in memory (in chunks, so small objects cost
 * little and nothing is copied twice) and sent with a single PUT on commit; beyond that it becomes a
 * {@link ParallelMultipartUpload} and every full part goes up while the next one fills.
 * Nothing is visible before commit; a writer closed without commit aborts its upload.
 */
final class BlobWriter implements ObjectWriter {
    private final BlobStore store;
    private final String container;
    private final String path;
    private final int partSize;
    private final int parallelism;
    private final ExecutorService executor;
    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            append(b, off, len);
        }
    };
    private ChunkBuffer buffer = new ChunkBuffer();
    private ParallelMultipartUpload upload;
    private boolean committed;
    private boolean closed;

    BlobWriter(BlobStore store, String container, String path, int partSize, int parallelism, ExecutorService executor) {
        this.store = store;
        this.container = container;
        this.path = path;
        this.partSize = partSize;
        this.parallelism = parallelism;
        this.executor = executor;
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    private void append(byte[] b, int off, int len) throws IOException {
        if (committed || closed) {
            throw new IOException("blob " + path + " already " + (committed ? "committed" : "discarded"));
        }
        while (len > 0) {
            if (buffer.size() == partSize) {
                // a full part and more to come: from now on this is a multipart upload
                if (upload == null) {
                    upload = ParallelMultipartUpload.start(store, container, path, executor, parallelism);
                }
                upload.submit(buffer.bytes(), buffer.size());
                buffer = new ChunkBuffer();
            }
            int n = (int) Math.min(len, partSize - buffer.size());
            buffer.append(b, off, n);
            off += n;
            len -= n;
        }
    }

    @Override
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        if (upload == null) {
            Blob blob = store.blobBuilder(path).payload(buffer.bytes())
                    .contentLength(buffer.size()).contentType("application/octet-stream").build();
            JcloudsErrors.call("put " + path, () -> store.putBlob(container, blob));
        } else {
            if (buffer.size() > 0) {
                upload.submit(buffer.bytes(), buffer.size());
            }
            upload.complete();
        }
        committed = true;
        buffer = null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffer = null;
        if (!committed && upload != null) {
            upload.abort();
        }
    }
}
