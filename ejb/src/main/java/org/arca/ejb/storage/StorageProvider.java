package org.arca.ejb.storage;

import java.io.IOException;
import org.arca.ldap.config.StorageDescriptor;

/**
 * The plug-in point for storage technologies: a provider owns a URI scheme and opens a
 * {@link Storage} for each storage descriptor ({@code dcmStorage}) whose {@code dcmURI} has that
 * scheme. Providers are found with {@link java.util.ServiceLoader}: a third party adds one by
 * putting a jar with {@code META-INF/services/org.arca.ejb.storage.StorageProvider} on the
 * class path (the EAR's {@code lib/}). Transforms configured on the descriptor (compression,
 * encryption) are applied around whatever the provider returns.
 */
public interface StorageProvider {

    /** The URI scheme, e.g. {@code file} or {@code jclouds}. */
    String scheme();

    /**
     * Opens the storage; {@code descriptor.getResolvedUri()} has this provider's scheme and
     * {@code descriptor.getProperties()} holds its dcmProperty settings.
     * @throws IOException if the storage cannot be reached or is misconfigured
     */
    Storage open(StorageDescriptor descriptor) throws IOException;
}
