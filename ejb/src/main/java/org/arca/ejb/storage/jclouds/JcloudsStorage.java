package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.GetOptions;

/**
 * A container (S3 bucket) of an Apache jclouds blob store as storage. Keys are the storage
 * paths. Writes stream through {@link BlobWriter} (parallel multipart above the part size);
 * reads stream the GET response, ranges with an HTTP Range request.
 */
public final class JcloudsStorage implements Storage {
    private static final long PROBE_RETRY_NANOS = 30_000_000_000L;

    private final String id;
    private final JcloudsSettings settings;
    private final BlobStoreContext context;
    private final BlobStore store;
    private final ExecutorService uploads;
    /** Null: a HEAD before each new object (the store may not refuse to replace a key). */
    private volatile ConditionalPut conditionalPut;
    /** Whether the store answered the probe; if not, when to ask again (nanoTime). */
    private volatile boolean probed;
    private long nextProbe;

    private JcloudsStorage(String id, JcloudsSettings settings, BlobStoreContext context) {
        this.id = id;
        this.settings = settings;
        this.context = context;
        this.store = context.getBlobStore();
        this.uploads = Executors.newFixedThreadPool(settings.uploadThreads(), threads("arca-upload-" + id));
    }

    /** Connects; creates the container unless {@code containerExists=true} says it is there. */
    static JcloudsStorage open(String id, JcloudsSettings s) throws IOException {
        ContextBuilder builder = JcloudsErrors.call("storage " + id + " (" + s + ")", () -> ContextBuilder.newBuilder(s.api()));
        if (s.endpoint() != null) {
            builder.endpoint(s.endpoint());
        }
        if (s.identity() != null || s.credential() != null) {
            builder.credentials(s.identity(), s.credential());
        }
        if (s.unsignedPayload()) {
            builder.modules(java.util.Set.of(new UnsignedPayloadSigner.Binding()));
        }
        BlobStoreContext ctx = JcloudsErrors.call("storage " + id + " (" + s + ")",
                () -> builder.overrides(s.overrides()).buildView(BlobStoreContext.class));
        JcloudsStorage storage = new JcloudsStorage(id, s, ctx);
        if (!s.containerExists()) {
            try {
                JcloudsErrors.call("create container " + s.container(),
                        () -> storage.store.createContainerInLocation(null, s.container()));
            } catch (IOException e) {
                storage.close();
                throw e;
            }
        }
        storage.probed = !s.conditionalPut();
        storage.nextProbe = System.nanoTime();
        return storage;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String id() {
        return id;
    }

    public String container() {
        return settings.container();
    }

    /**
     * S3 would silently replace an existing key, so a second object must never be sent to the
     * path of a stored one. Where the store honours {@code If-None-Match} the PUT itself refuses
     * (race-free) and a taken path is found at commit: {@link ObjectWriter#commit()} then fails
     * with FileAlreadyExistsException, {@link ObjectWriter#commitPerPolicy} with RANDOM_PATH
     * commits at another path. Elsewhere a HEAD first (two writers racing for one new path are
     * not caught; paths carry instance UIDs, so only a duplicate store can race, and the index
     * refuses one of them).
     */
    @Override
    public ObjectWriter create(String path) throws IOException {
        ConditionalPut conditional = conditionalPut();
        if (conditional == null && exists(path)) {
            throw new FileAlreadyExistsException(settings.container() + "/" + path);
        }
        return new BlobWriter(store, settings.container(), path, settings.partSize(), settings.uploadParallelism(), uploads,
                conditional, settings.randomPathIfTaken());
    }

    /**
     * Asked at the first write (not at open, which must work while the store is down); while the
     * store cannot be reached, again at most every {@link #PROBE_RETRY_NANOS}, HEADs meanwhile.
     */
    private ConditionalPut conditionalPut() {
        if (probed) {
            return conditionalPut;
        }
        synchronized (this) {
            if (!probed && System.nanoTime() - nextProbe >= 0) {
                try {
                    conditionalPut = ConditionalPut.probe(context, settings.container());
                    probed = true;
                } catch (IOException e) {
                    nextProbe = System.nanoTime() + PROBE_RETRY_NANOS;
                }
            }
            return conditionalPut;
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return get(path, GetOptions.NONE);
    }

    @Override
    public InputStream open(String path, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        GetOptions options = length < 0 ? new GetOptions().startAt(offset)
                : new GetOptions().range(offset, offset + length - 1);
        try {
            return get(path, options);
        } catch (IOException e) {
            if (JcloudsErrors.httpStatus(e) == 416) { // Range Not Satisfiable: starts past the end
                return InputStream.nullInputStream();
            }
            throw e;
        }
    }

    private InputStream get(String path, GetOptions options) throws IOException {
        Blob blob = JcloudsErrors.call("get " + path, () -> store.getBlob(settings.container(), path, options));
        if (blob == null) {
            throw new NoSuchFileException(settings.container() + "/" + path);
        }
        return JcloudsErrors.call("get " + path, () -> blob.getPayload().openStream());
    }

    @Override
    public boolean exists(String path) throws IOException {
        return JcloudsErrors.call("head " + path, () -> store.blobExists(settings.container(), path));
    }

    @Override
    public void delete(String path) throws IOException {
        JcloudsErrors.call("delete " + path, () -> {
            store.removeBlob(settings.container(), path);
            return null;
        });
    }

    @Override
    public Stream<String> objects(String prefix) {
        return BlobListing.stream(store, settings.container(), prefix, true);
    }

    @Override
    public Stream<String> list(String prefix) {
        return BlobListing.stream(store, settings.container(), prefix, false);
    }

    @Override
    public void close() {
        uploads.shutdown();
        context.close();
    }

    @Override
    public String toString() {
        return "storage " + id + " (" + settings + ")";
    }
}
