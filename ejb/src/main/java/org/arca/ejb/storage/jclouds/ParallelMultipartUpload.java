package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;

/**
 * One multipart upload whose parts go up in parallel: at most {@code parallelism} parts of this
 * object are in flight, and {@link #submit} blocks until one finishes, so the sender is slowed
 * down to what the store takes and memory stays at about {@code parallelism + 1} parts. The first
 * failing part fails the upload; {@link #abort()} tells the store to drop the parts.
 */
final class ParallelMultipartUpload {
    /** S3 allows 10,000 parts. */
    static final int MAX_PARTS = 10_000;
    private static final long ABORT_WAIT_SECONDS = 120;

    private final BlobStore store;
    private final MultipartUpload upload;
    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final List<CompletableFuture<MultipartPart>> parts = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final String name;

    private ParallelMultipartUpload(BlobStore store, MultipartUpload upload, ExecutorService executor, int parallelism) {
        this.store = store;
        this.upload = upload;
        this.executor = executor;
        this.inFlight = new Semaphore(parallelism);
        this.name = upload.containerName() + "/" + upload.blobName();
    }

    static ParallelMultipartUpload start(BlobStore store, String container, String path, ExecutorService executor,
                                         int parallelism) throws IOException {
        MultipartUpload mpu = JcloudsErrors.call("start multipart upload of " + path, () -> {
            // the empty payload only carries the content type into the upload's metadata
            org.jclouds.blobstore.domain.BlobMetadata md = store.blobBuilder(path).payload(new byte[0])
                    .contentType("application/octet-stream").build().getMetadata();
            return store.initiateMultipartUpload(container, md, new PutOptions().multipart(true));
        });
        return new ParallelMultipartUpload(store, mpu, executor, parallelism);
    }

    /** Sends {@code data} ({@code length} bytes) as the next part; the caller does not touch it afterwards. */
    void submit(com.google.common.io.ByteSource data, long length) throws IOException {
        checkFailure();
        if (parts.size() >= MAX_PARTS) {
            throw new IOException(name + ": more than " + MAX_PARTS + " parts; raise part-size");
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + ": interrupted while waiting for a part upload");
        }
        int number = parts.size() + 1;
        CompletableFuture<MultipartPart> f;
        try {
            f = CompletableFuture.supplyAsync(() -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("upload already failed");
                }
                Payload payload = Payloads.newByteSourcePayload(data);
                payload.getContentMetadata().setContentLength(length);
                return store.uploadMultipartPart(upload, number, payload);
            }, executor);
        } catch (RuntimeException e) { // executor shut down: the storage was closed
            inFlight.release();
            throw JcloudsErrors.translate(name + " part " + number, e);
        }
        f.whenComplete((part, e) -> {
            inFlight.release();
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
        parts.add(f);
        checkFailure();
    }

    private void checkFailure() throws IOException {
        Throwable e = failure.get();
        if (e != null) {
            throw JcloudsErrors.translate(name + ": part upload failed", e);
        }
    }

    /** Waits for every part and makes the object visible. */
    void complete() throws IOException {
        List<MultipartPart> done = new ArrayList<>(parts.size());
        for (CompletableFuture<MultipartPart> f : parts) {
            done.add(JcloudsErrors.call(name + ": part upload", f::get));
        }
        done.sort(Comparator.comparingInt(MultipartPart::partNumber));
        JcloudsErrors.call("complete multipart upload of " + name, () -> store.completeMultipartUpload(upload, done));
    }

    /** Drops the upload: running parts are waited for (they would otherwise outlive the abort). */
    void abort() {
        failure.compareAndSet(null, new IOException("aborted"));
        for (CompletableFuture<MultipartPart> f : parts) {
            try {
                f.get(ABORT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception ignored) {
                // a failed or cancelled part is what we are cleaning up after
            }
        }
        try {
            store.abortMultipartUpload(upload);
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(ParallelMultipartUpload.class.getName())
                    .warning("abort of multipart upload " + upload.id() + " of " + name + " failed: " + e);
        }
    }
}
