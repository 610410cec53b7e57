package org.arca.ejb.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.arca.ejb.storage.transform.StorageTransforms;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Opens the storage of a descriptor with the provider of its URI scheme, wraps it in the
 * transforms its properties ask for, and keeps it while the descriptor is unchanged.
 * Providers come from {@link StorageProviders} ({@link StorageProvider}: {@code file} and
 * {@code jclouds} built in, others from jars on the class path) or are registered in code.
 */
public final class Storages implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Storages.class.getName());

    /** Opens a storage for a descriptor whose URI has the provider's scheme. */
    @FunctionalInterface
    public interface Provider {
        Storage open(StorageDescriptor descriptor) throws IOException;
    }

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final Map<String, StorageDescriptor> descriptors = new ConcurrentHashMap<>();
    private volatile LocationSelector.Copies copies;

    /**
     * What a storage was opened from: a change of URI, properties or path policy opens it anew
     * (a provider may apply dcmOnStoragePathAlreadyExists itself, see ObjectWriter#commitPerPolicy).
     */
    private record Opened(String uri, Map<String, String> properties, Object pathPolicy, Storage storage) {
        boolean matches(StorageDescriptor d) {
            return uri.equals(d.getResolvedUri()) && properties.equals(d.getProperties())
                    && pathPolicy == d.getOnPathAlreadyExists();
        }
    }

    /** With the providers the class loader of this class finds. */
    public Storages() {
        this(Storages.class.getClassLoader());
    }

    /** With the providers {@code loader} finds (e.g. a deployment's class loader). */
    public Storages(ClassLoader loader) {
        StorageProviders.find(loader).forEach((scheme, p) -> providers.put(scheme, p::open));
    }

    /**
     * Where {@link LocationSelector} finds the other copies of an instance (the location table);
     * without it, retrieve reads only the location it was given.
     */
    public Storages copiesFrom(javax.sql.DataSource dataSource) {
        return copiesFrom(new IndexedCopies(dataSource));
    }

    /** As {@link #copiesFrom(javax.sql.DataSource)}, with any source of copies. */
    public Storages copiesFrom(LocationSelector.Copies copies) {
        this.copies = copies;
        return this;
    }

    LocationSelector.Copies copies() {
        return copies;
    }

    /** The descriptor of a configured storage, or null. */
    StorageDescriptor descriptor(String id) {
        return descriptors.get(id);
    }

    public Storages register(String scheme, Provider provider) {
        providers.put(scheme, provider);
        return this;
    }

    /** The URI schemes a provider is known for. */
    public List<String> schemes() {
        return new ArrayList<>(providers.keySet());
    }

    /**
     * The storages of the device, so that objects can be found by their location's storage ID.
     * Called again after a reload: storages no longer configured are forgotten.
     */
    public Storages configure(Iterable<StorageDescriptor> all) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (StorageDescriptor d : all) {
            descriptors.put(d.getId(), d);
            ids.add(d.getId());
        }
        descriptors.keySet().retainAll(ids);
        return this;
    }

    public Storage storage(StorageDescriptor d) throws IOException {
        descriptors.putIfAbsent(d.getId(), d);
        Opened o = opened.get(d.getId());
        if (o != null && o.matches(d)) {
            return o.storage();
        }
        synchronized (this) { // one provider connection per storage, even when stores race
            o = opened.get(d.getId());
            if (o != null && o.matches(d)) {
                return o.storage();
            }
            Provider p = providers.get(d.getScheme());
            if (p == null) {
                throw new IOException("no storage provider for URI scheme '" + d.getScheme() + "' of storage " + d.getId());
            }
            Storage s = StorageTransforms.apply(d, p.open(d));
            // a replaced storage may still serve a running retrieve: it is left to the collector
            opened.put(d.getId(), new Opened(d.getResolvedUri(), Map.copyOf(d.getProperties()),
                    d.getOnPathAlreadyExists(), s));
            return s;
        }
    }

    /** A storage opened before, by its ID (for objects stored earlier). */
    public Storage storageById(String id) throws IOException {
        StorageDescriptor d = descriptors.get(id);
        if (d == null) {
            throw new IOException("storage " + id + " is not configured");
        }
        return storage(d);
    }

    /** Closes every opened storage (connection pools, upload threads). */
    @Override
    public void close() {
        for (Opened o : opened.values()) {
            try {
                o.storage().close();
            } catch (IOException | RuntimeException e) {
                LOG.warning("closing storage " + o.storage().id() + ": " + e);
            }
        }
        opened.clear();
    }
}
