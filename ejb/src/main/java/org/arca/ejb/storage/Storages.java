package org.arca.ejb.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Opens the provider of a storage descriptor by its URI scheme and keeps it while the
 * descriptor is unchanged. {@code file:} is built in; other schemes (S3) register a
 * {@link Provider}.
 */
public final class Storages {

    /** Opens a storage for a descriptor whose URI has the provider's scheme. */
    @FunctionalInterface
    public interface Provider {
        Storage open(StorageDescriptor descriptor) throws IOException;
    }

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final Map<String, StorageDescriptor> descriptors = new ConcurrentHashMap<>();

    private record Opened(String uri, Storage storage) {
    }

    public Storages() {
        providers.put("file", d -> new FileSystemStorage(d.getId(), fileRoot(d.getResolvedUri())));
    }

    public Storages register(String scheme, Provider provider) {
        providers.put(scheme, provider);
        return this;
    }

    /** The storages of the device, so that objects can be found by their location's storage ID. */
    public Storages configure(Iterable<StorageDescriptor> all) {
        for (StorageDescriptor d : all) {
            descriptors.put(d.getId(), d);
        }
        return this;
    }

    public Storage storage(StorageDescriptor d) throws IOException {
        descriptors.putIfAbsent(d.getId(), d);
        Opened o = opened.get(d.getId());
        if (o != null && o.uri().equals(d.getResolvedUri())) {
            return o.storage();
        }
        Provider p = providers.get(d.getScheme());
        if (p == null) {
            throw new IOException("no storage provider for URI scheme '" + d.getScheme() + "' of storage " + d.getId());
        }
        Storage s = p.open(d);
        opened.put(d.getId(), new Opened(d.getResolvedUri(), s));
        return s;
    }

    /** A storage opened before, by its ID (for objects stored earlier). */
    public Storage storageById(String id) throws IOException {
        StorageDescriptor d = descriptors.get(id);
        if (d == null) {
            throw new IOException("storage " + id + " is not configured");
        }
        return storage(d);
    }

    /** file:/abs/dir/ or, relative to the working directory, file:dir/. */
    /** file:/abs/path/, file:///abs/path/ and file:relative/path/ (opaque) all name a directory. */
    static Path fileRoot(String uri) {
        URI u = URI.create(uri);
        return u.isOpaque() ? Path.of(u.getSchemeSpecificPart()) : Path.of(u);
    }
}
