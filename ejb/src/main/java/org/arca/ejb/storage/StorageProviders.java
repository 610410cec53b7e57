package org.arca.ejb.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The storage providers installed in this archive: those {@link ServiceLoader} finds for a
 * class loader (the built-in {@code file} and {@code jclouds}, and third-party jars in the
 * EAR's {@code lib/} or a module) plus {@code file}, which is always there. The LDAP mapping
 * asks {@link #schemes()} which {@code dcmURI} schemes it may accept.
 */
public final class StorageProviders {

    private StorageProviders() {
    }

    /** The URI schemes of the installed providers, e.g. {@code [file, jclouds]}, in discovery order. */
    public static List<String> schemes() {
        return List.copyOf(find(StorageProviders.class.getClassLoader()).keySet());
    }

    /** Whether a provider owns {@code scheme}. */
    public static boolean installed(String scheme) {
        return schemes().contains(scheme);
    }

    /** The providers {@code loader} finds, by scheme; the first one found for a scheme wins. */
    static Map<String, StorageProvider> find(ClassLoader loader) {
        Map<String, StorageProvider> m = new LinkedHashMap<>();
        for (StorageProvider p : ServiceLoader.load(StorageProvider.class, loader)) {
            m.putIfAbsent(p.scheme(), p);
        }
        m.putIfAbsent("file", new FileSystemStorageProvider());
        return m;
    }
}
