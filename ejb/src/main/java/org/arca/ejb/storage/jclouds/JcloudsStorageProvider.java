package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.StorageProvider;
import org.arca.ldap.config.StorageDescriptor;

/** {@code jclouds:<api>[:<endpoint>]} storages: S3 and the other Apache jclouds blob stores. */
public final class JcloudsStorageProvider implements StorageProvider {

    @Override
    public String scheme() {
        return "jclouds";
    }

    @Override
    public Storage open(StorageDescriptor descriptor) throws IOException {
        return JcloudsStorage.open(descriptor.getId(), JcloudsSettings.of(descriptor));
    }
}
