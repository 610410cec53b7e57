package org.arca.ejb.storage.transform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import org.arca.ejb.storage.Storage;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Wraps a provider's storage in the transforms its descriptor's properties ask for:
 * {@code compression} ({@code deflate}, {@code gzip}; {@code compression-level} 0-9) and
 * encryption at rest ({@code encryption-key} or {@code encryption-key-file};
 * {@code encryption-segment-size}). Objects are compressed before they are encrypted
 * (ciphertext does not compress).
 */
public final class StorageTransforms {
    public static final String COMPRESSION = "compression";
    public static final String COMPRESSION_LEVEL = "compression-level";
    public static final String ENCRYPTION_KEY = EncryptionKeys.KEY;
    public static final String ENCRYPTION_KEY_FILE = EncryptionKeys.KEY_FILE;
    public static final String ENCRYPTION_SEGMENT_SIZE = "encryption-segment-size";

    private StorageTransforms() {
    }

    public static Storage apply(StorageDescriptor d, Storage storage) throws IOException {
        Map<String, String> p = d.getProperties();
        try {
            Storage s = storage;
            if (p.containsKey(ENCRYPTION_KEY) || p.containsKey(ENCRYPTION_KEY_FILE)) {
                s = new EncryptingStorage(s, p.containsKey(ENCRYPTION_KEY)
                        ? EncryptionKeys.fromBase64(p.get(ENCRYPTION_KEY))
                        : EncryptionKeys.fromFile(Path.of(p.get(ENCRYPTION_KEY_FILE))),
                        Integer.parseInt(p.getOrDefault(ENCRYPTION_SEGMENT_SIZE,
                                String.valueOf(SegmentedGcm.DEFAULT_SEGMENT_SIZE))));
            }
            String compression = p.get(COMPRESSION);
            if (compression != null && !compression.isBlank() && !compression.equalsIgnoreCase("none")) {
                s = new CompressingStorage(s, CompressingStorage.Format.of(compression),
                        Integer.parseInt(p.getOrDefault(COMPRESSION_LEVEL, String.valueOf(Deflater.DEFAULT_COMPRESSION))));
            }
            return s;
        } catch (IllegalArgumentException e) {
            storage.close();
            throw new IOException("storage " + d.getId() + ": " + e.getMessage(), e);
        }
    }
}
