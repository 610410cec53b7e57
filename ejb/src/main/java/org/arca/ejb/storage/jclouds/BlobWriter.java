package org.arca.ejb.storage.jclouds;

import org.arca.ejb.storage.StoragePathFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.ExecutorService;
import org.arca.ejb.storage.ObjectWriter;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;

/**
 * Writes one blob. Up to one part size it is kept in memory (in chunks, so small objects cost
 * little and nothing is copied twice) and sent with a single PUT on commit; beyond that it becomes a
 * {@link ParallelMultipartUpload} and every full part goes up while the next one fills.
 * Nothing is visible before commit; a writer closed without commit aborts its upload.
 * With a {@link ConditionalPut} the storage did not look whether the path is taken: the PUT
 * finds out, and a multipart upload looks (HEAD) before it starts, as its parts cannot move.
 */
final class BlobWriter implements ObjectWriter {
    /** As StoreService's dcmOnStoragePathAlreadyExists=RANDOM_PATH: path.XXXXXXXX, 10 tries. */

    private final BlobStore store;
    private final String container;
    private final String path;
    private final ConditionalPut conditionalPut;
    private final boolean randomPathIfTaken;
    /** Where the object goes: the path, or with RANDOM_PATH an alternative once it was found taken. */
    private String target;
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

    BlobWriter(BlobStore store, String container, String path, int partSize, int parallelism, ExecutorService executor,
               ConditionalPut conditionalPut, boolean randomPathIfTaken) {
        this.store = store;
        this.container = container;
        this.path = path;
        this.target = path;
        this.conditionalPut = conditionalPut;
        this.randomPathIfTaken = randomPathIfTaken;
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
                    if (conditionalPut != null) {
                        target = firstFreePath();
                    }
                    upload = ParallelMultipartUpload.start(store, container, target, executor, parallelism);
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
        commit(false);
    }

    @Override
    public String commitPerPolicy(String requested) throws IOException {
        commit(randomPathIfTaken);
        return target;
    }

    /** Without a HEAD before writing, only the conditional PUT (or the multipart start) finds the path taken. */
    @Override
    public boolean commitMayMove() {
        return randomPathIfTaken && conditionalPut != null;
    }

    /** {@code mayMove}: the caller records where the object went, so a taken path gets an alternative. */
    private void commit(boolean mayMove) throws IOException {
        if (committed) {
            return;
        }
        if (!mayMove && !target.equals(path)) {
            // the parts went to another path (found taken before the upload began)
            throw new FileAlreadyExistsException(container + "/" + path);
        }
        if (upload == null && conditionalPut != null) {
            for (int attempt = 0; !conditionalPut.put(container, target, buffer.bytes(), buffer.size()); attempt++) {
                target = alternative(attempt, mayMove);
            }
        } else if (upload == null) {
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

    /** Before a multipart upload, whose parts cannot move later: the path, or with RANDOM_PATH a free alternative. */
    private String firstFreePath() throws IOException {
        String p = path;
        for (int attempt = 0; taken(p); attempt++) {
            p = alternative(attempt, randomPathIfTaken);
        }
        return p;
    }

    private boolean taken(String p) throws IOException {
        return JcloudsErrors.call("head " + p, () -> store.blobExists(container, p));
    }

    private String alternative(int attempt, boolean mayMove) throws FileAlreadyExistsException {
        if (!mayMove || attempt >= StoragePathFormat.RANDOM_PATH_ATTEMPTS) {
            throw new FileAlreadyExistsException(container + "/" + path);
        }
        return StoragePathFormat.randomAlternative(path);
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
