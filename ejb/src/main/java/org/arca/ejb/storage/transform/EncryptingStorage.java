package org.arca.ejb.storage.transform;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.crypto.SecretKey;
import org.arca.ejb.storage.BoundedInputStream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;

/**
 * Encrypts objects at rest with AES-GCM ({@link SegmentedGcm}); the key comes from the
 * storage's properties ({@link EncryptionKeys}). A range read fetches the header and only the
 * segments that hold the range.
 */
public final class EncryptingStorage extends ForwardingStorage {
    private final SecretKey key;
    private final int segmentSize;

    public EncryptingStorage(Storage delegate, SecretKey key, int segmentSize) {
        super(delegate);
        this.key = key;
        this.segmentSize = segmentSize;
    }

    @Override
    public ObjectWriter create(String path) throws IOException {
        ObjectWriter w = delegate.create(path);
        try {
            GcmEncryptingOutputStream out = new GcmEncryptingOutputStream(w.stream(),
                    SegmentedGcm.forWriting(key, segmentSize));
            return new TransformedWriter(w, new TransformedWriter.Encoder() {
                @Override
                public OutputStream stream() {
                    return out;
                }

                @Override
                public void finish() throws IOException {
                    out.finish();
                }
            });
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        InputStream raw = delegate.open(path);
        try {
            SegmentedGcm gcm = SegmentedGcm.forReading(key, raw.readNBytes(SegmentedGcm.HEADER_SIZE));
            return new GcmDecryptingInputStream(raw, gcm, 0);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public InputStream open(String path, long offset, long length) throws IOException {
        SegmentedGcm gcm;
        try (InputStream h = delegate.open(path, 0, SegmentedGcm.HEADER_SIZE)) {
            gcm = SegmentedGcm.forReading(key, h.readNBytes(SegmentedGcm.HEADER_SIZE));
        }
        long first = offset / gcm.segmentSize;
        if (first > Integer.MAX_VALUE) {
            return InputStream.nullInputStream();
        }
        long storedOffset = SegmentedGcm.HEADER_SIZE + first * gcm.storedSegmentSize();
        long storedLength = -1;
        if (length >= 0) {
            long lastSegment = (offset + Math.max(length, 1) - 1) / gcm.segmentSize;
            // one stored byte beyond the range's last segment tells whether that segment is the last one
            storedLength = (lastSegment - first + 1) * gcm.storedSegmentSize() + 1;
        }
        InputStream raw = delegate.open(path, storedOffset, storedLength);
        GcmDecryptingInputStream in = new GcmDecryptingInputStream(raw, gcm, (int) first);
        try {
            in.skipNBytes(offset - first * gcm.segmentSize);
        } catch (EOFException e) {
            in.close();
            return InputStream.nullInputStream(); // the range starts past the end
        }
        return length < 0 ? in : new BoundedInputStream(in, length);
    }
}
