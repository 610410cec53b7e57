package org.arca.ejb.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.DicomParseException;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.index.BulkDataElements;
import org.arca.ejb.index.Location;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.StoragePathFormat;
import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Stores one object: its data set streams into the storage (behind File Meta Information,
 * byte for byte as received, digest computed on the way), is made durable, its header indexed
 * in one transaction, and only then is success answered. Every failure answers a failure
 * status with an error comment and removes what was written:
 * A700 storage (full, read-only, unreachable), C000 data set not parseable, A900 required
 * UIDs missing or contradicting the command, 0110 index (database) failure.
 */
public final class StoreService {
    private static final Logger LOG = Logger.getLogger(StoreService.class.getName());
    /** Header bytes kept in memory before spilling to a temporary file. */
    private static final int HEADER_MEMORY = 4 << 20;
    /** Binary values from this size on are not read into memory while parsing the header. */
    private static final int BULK_DATA_THRESHOLD = 1024;

    private final Storages storages;
    private final IndexUpdate index;
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
    /** Runs storage commits (fsync) while the handler thread runs the index statements. */
    private final Executor committer = daemonThreads("arca-store-commit");
    /** Digests the objects being written (MD5 and the like), beside the threads that write them. */
    private final Executor digester = daemonThreads("arca-store-digest");
    /** Runs the index updates of {@link #storeAsync}. */
    private final Executor background = daemonThreads("arca-store-index");

    public StoreService(DataSource dataSource, Storages storages, OverwritePolicy overwritePolicy) {
        this(dataSource, storages, OverwritePolicies.all(overwritePolicy));
    }

    /** With the overwrite policy of each receiving AE (dcmOverwritePolicy). */
    public StoreService(DataSource dataSource, Storages storages, OverwritePolicies overwritePolicies) {
        this.storages = storages;
        this.index = new IndexUpdate(dataSource, overwritePolicies);
    }

    public StoreService addListener(StoreListener l) {
        listeners.add(l);
        return this;
    }

    /**
     * Stores the data set read from {@code data} (encoded in the context's transfer syntax)
     * into {@code storage}. Returns the success status, or throws with the failure status.
     * An IOException means the data stream itself broke (association aborted): nothing is kept.
     */
    public int store(StoreContext ctx, StorageDescriptor storage, InputStream data)
            throws DicomServiceException, IOException {
        return store(ctx, storage, data, header -> { });
    }

    /** A check of the parsed header before anything is written (STOW-RS: the study in the URL). */
    @FunctionalInterface
    public interface HeaderCheck {
        void check(Attributes header) throws DicomServiceException;
    }

    /** As {@link #store(StoreContext, StorageDescriptor, InputStream)}, with an extra header check. */
    public int store(StoreContext ctx, StorageDescriptor storage, InputStream data, HeaderCheck check)
            throws DicomServiceException, IOException {
        Received r = receive(ctx, storage, data, check, null);
        try (PendingObject written = r.written()) {
            return index(ctx, storage, r, written);
        }
    }

    /**
     * As {@link #store(StoreContext, StorageDescriptor, InputStream, HeaderCheck)}, but returns
     * once {@code data} is read and written, with the status to come once the object is durable
     * and indexed (the future fails with a {@link DicomServiceException}). For a caller that
     * answers several objects together (STOW-RS): it reads the next one meanwhile.
     */
    public CompletableFuture<Integer> storeAsync(StoreContext ctx, StorageDescriptor storage, InputStream data,
                                                 Order order, HeaderCheck check) throws DicomServiceException, IOException {
        Received r = receive(ctx, storage, data, check, order);
        return CompletableFuture.supplyAsync(() -> {
            try (PendingObject written = r.written()) {
                return index(ctx, storage, r, written);
            } catch (DicomServiceException e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    /**
     * The objects of one request (STOW-RS) begin their index transactions in the order they
     * were received: the first object of a new study decides its patient, whichever thread
     * gets to the database first (objects are indexed while the next ones are read).
     */
    public static final class Order {
        private CompletableFuture<?> last = CompletableFuture.completedFuture(null);
    }

    /** An object read, written to its storage and being committed there, not yet indexed. */
    private record Received(Storage target, Attributes header, PendingObject written, StorePhases phases,
                            CompletableFuture<IndexTransaction> early) {
    }

    private Received receive(StoreContext ctx, StorageDescriptor storage, InputStream data, HeaderCheck check,
                             Order order) throws DicomServiceException, IOException {
        Storage target = openStorage(storage);
        StorePhases phases = new StorePhases();
        try (SpillBuffer head = new SpillBuffer(HEADER_MEMORY)) {
            Attributes header = parseHeader(ctx, data, head);
            phases.mark(1);
            UnknownVRs.resolve(header);
            checkUIDs(ctx, header);
            check.check(header);
            String path = StoragePathFormat.of(storage.getPathFormat()).format(header);
            // the index transaction begins while the rest (pixel data) is received and written
            CompletableFuture<?> previous = order == null ? CompletableFuture.completedFuture(null) : order.last;
            CompletableFuture<IndexTransaction> early = previous.handle((x, e) -> null).thenApplyAsync(x -> {
                try {
                    return index.begin(ctx, header);
                } catch (SQLException | IndexUpdate.Conflict e) {
                    throw new CompletionException(e); // the update runs again in full and reports it
                }
            }, background);
            if (order != null) {
                order.last = early;
            }
            PendingObject written;
            try {
                written = write(ctx, storage, target, path, head, data);
            } catch (DicomServiceException | IOException | RuntimeException e) {
                early.thenAccept(IndexTransaction::close);
                throw e;
            }
            phases.mark(2);
            written.durable().thenRun(phases::durable);
            return new Received(target, header, written, phases, early);
        }
    }

    /** Indexes the object while its storage commit runs; answers once both are done. */
    private int index(StoreContext ctx, StorageDescriptor sd, Received r, PendingObject written)
            throws DicomServiceException {
        Storage target = r.target();
        Location location = written.location();
        StoredInstance inst = new StoredInstance(ctx, r.header(), location);
        IndexUpdate.Outcome outcome;
        try {
            outcome = index.record(inst, written.durable(), r.phases(), r.early());
        } catch (IndexUpdate.NotDurable e) {
            discard(written, target);
            throw StorageFailure.of(sd.getId(), e.getCause());
        } catch (SQLException | RuntimeException e) {
            discard(written, target);
            LOG.log(Level.WARNING, "index update failed for " + ctx.sopInstanceUID(), e);
            throw new DicomServiceException(Status.PROCESSING_FAILURE, "Database: " + e.getMessage(), e);
        } catch (IndexUpdate.Conflict e) {
            discard(written, target);
            throw new DicomServiceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
        } finally {
            r.phases().done();
        }
        if (outcome.ignored()) {
            discard(written, target);
            LOG.info(() -> "already stored, received copy ignored: " + ctx.sopInstanceUID());
            return Status.SUCCESS;
        }
        for (Location old : outcome.replaced()) {
            try {
                storages.storageById(old.storageId()).delete(old.storagePath());
            } catch (IOException | RuntimeException e) {
                LOG.warning("replaced object not removed: " + old + ": " + e);
            }
        }
        notifyListeners(inst);
        return Status.SUCCESS;
    }

    /** Not indexed: the object's commit is waited for, then the object removed. */
    private static void discard(PendingObject written, Storage target) {
        written.settle();
        deleteQuietly(target, written.location().storagePath());
    }

    private Storage openStorage(StorageDescriptor storage) throws DicomServiceException {
        if (storage == null) {
            throw new DicomServiceException(Status.OUT_OF_RESOURCES, "No storage configured");
        }
        if (storage.isReadOnly()) {
            throw new DicomServiceException(Status.OUT_OF_RESOURCES, "Storage " + storage.getId() + " is read-only");
        }
        try {
            return storages.storage(storage);
        } catch (IOException | RuntimeException e) {
            throw StorageFailure.of(storage.getId(), e);
        }
    }

    /** Parses up to the pixel data, keeping every byte read in {@code head}. */
    private static Attributes parseHeader(StoreContext ctx, InputStream data, SpillBuffer head)
            throws DicomServiceException, IOException {
        DicomInputStream in = new DicomInputStream(new TeeInputStream(data, head),
                TransferSyntax.of(ctx.transferSyntaxUID()));
        // large binary values stay references (not held, not indexed; recorded as bulk data elements)
        in.setBulkDataURI(BulkDataElements.PLACEHOLDER).setBulkDataThreshold(BULK_DATA_THRESHOLD);
        try {
            return in.readDataset(Tag.PixelData);
        } catch (DicomParseException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "Cannot parse data set: " + e.getMessage(), e);
        }
    }

    private static void checkUIDs(StoreContext ctx, Attributes h) throws DicomServiceException {
        String iuid = h.getString(Tag.SOPInstanceUID);
        if (iuid != null && !iuid.equals(ctx.sopInstanceUID())) {
            throw new DicomServiceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "SOP Instance UID " + iuid + " differs from the command's");
        }
        if (h.getString(Tag.StudyInstanceUID) == null || h.getString(Tag.SeriesInstanceUID) == null) {
            throw new DicomServiceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "Missing Study or Series Instance UID");
        }
    }

    /**
     * Writes meta information, the buffered header bytes and the rest of the stream, and starts
     * the storage commit (fsync) on another thread.
     */
    private PendingObject write(StoreContext ctx, StorageDescriptor sd, Storage target, String path,
                                SpillBuffer head, InputStream data) throws DicomServiceException, IOException {
        Created created = create(sd, target, path);
        ObjectWriter writer = created.writer();
        boolean started = false;
        try {
            MessageDigest md = digest(sd.getDigestAlgorithm());
            CountingOutputStream counter = new CountingOutputStream(writer.stream());
            OverlappedDigest digesting = md == null ? null : new OverlappedDigest(counter, md, digester);
            OutputStream out = digesting == null ? counter : digesting;
            try {
                FileMetaInformation fmi = FileMetaInformation.create(ctx.sopClassUID(), ctx.sopInstanceUID(),
                        ctx.transferSyntaxUID());
                if (ctx.callingAET() != null) {
                    fmi.attributes().setString(Tag.SourceApplicationEntityTitle, VR.AE, ctx.callingAET());
                    fmi.updateGroupLength();
                }
                DicomOutputStream dos = new DicomOutputStream(out);
                dos.writeFileMetaInformation(fmi);
                dos.flush();
                head.writeTo(out);
            } catch (IOException e) {
                throw StorageFailure.of(sd.getId(), e);
            }
            copy(data, out, sd);
            try {
                out.flush();
            } catch (IOException e) {
                throw StorageFailure.of(sd.getId(), e);
            }
            String stored = created.path();
            CompletableFuture<Void> durable;
            if (writer.commitMayMove()) {
                // the provider learns that the path is taken only when it commits (S3 conditional
                // PUT): commit now, so that the index records where the object went
                try {
                    stored = writer.commitPerPolicy(stored);
                } catch (IOException e) {
                    throw StorageFailure.of(sd.getId(), e);
                }
                durable = CompletableFuture.completedFuture(null);
            } else {
                durable = writer.commitAsync(committer);
            }
            // the commit (fsync) is under way while the last chunks are digested
            Location location = new Location(sd.getId(), stored, ctx.transferSyntaxUID(), counter.count,
                    digesting == null ? null : digesting.hex());
            PendingObject pending = new PendingObject(writer, location, durable);
            started = true;
            return pending;
        } finally {
            if (!started) {
                writer.close();
            }
        }
    }

    /** Copies the rest of the data set; tells a broken association from a failing storage. */
    private static void copy(InputStream data, OutputStream out, StorageDescriptor sd)
            throws IOException, DicomServiceException {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = data.read(buf)) > 0) {
            try {
                out.write(buf, 0, n);
            } catch (IOException e) {
                throw StorageFailure.of(sd.getId(), e);
            }
        }
    }

    private record Created(ObjectWriter writer, String path) {
    }

    /** Opens the object, applying dcmOnStoragePathAlreadyExists when the path is taken. */
    private static Created create(StorageDescriptor sd, Storage target, String path) throws DicomServiceException {
        String p = path;
        for (int attempt = 0; ; attempt++) {
            try {
                return new Created(target.create(p), p);
            } catch (FileAlreadyExistsException e) {
                if (sd.getOnPathAlreadyExists() != Enums.OnPathAlreadyExists.RANDOM_PATH
                        || attempt >= StoragePathFormat.RANDOM_PATH_ATTEMPTS) {
                    throw new DicomServiceException(Status.OUT_OF_RESOURCES, "Storage " + sd.getId() + ": an object exists at the path for this instance");
                }
                p = StoragePathFormat.randomAlternative(path);
            } catch (IOException | RuntimeException e) {
                throw StorageFailure.of(sd.getId(), e);
            }
        }
    }

    private static MessageDigest digest(String algorithm) throws DicomServiceException {
        if (algorithm == null || algorithm.isEmpty()) {
            return null;
        }
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new DicomServiceException(Status.PROCESSING_FAILURE, "Unknown digest algorithm " + algorithm);
        }
    }

    private static void deleteQuietly(Storage s, String path) {
        try {
            s.delete(path);
        } catch (IOException | RuntimeException e) {
            LOG.warning("could not remove " + path + " from storage " + s.id() + ": " + e);
        }
    }

    private static Executor daemonThreads(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void notifyListeners(StoredInstance inst) {
        for (StoreListener l : listeners) {
            try {
                l.stored(inst);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "store listener failed", e);
            }
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
