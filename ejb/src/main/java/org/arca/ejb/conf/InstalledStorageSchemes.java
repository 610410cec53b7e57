package org.arca.ejb.conf;

import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.StorageSchemes;

/**
 * The storage URI schemes this deployment can open: those of the providers that
 * {@link Storages} finds (built-in ones and third-party jars via ServiceLoader), so that the
 * configuration loader accepts a dcmStorage exactly when a provider for it is installed.
 */
public final class InstalledStorageSchemes {
    private InstalledStorageSchemes() {
    }

    /** Asked anew on each call: cheap (provider objects only, no storage is opened). */
    public static StorageSchemes get() {
        try (Storages storages = new Storages()) {
            return StorageSchemes.of(storages.schemes());
        }
    }
}
