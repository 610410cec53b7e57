package org.arca.ejb.storage;

import java.net.URI;
import java.nio.file.Path;
import org.arca.ldap.config.StorageDescriptor;

/** {@code file:} storages: {@code file:///abs/dir/} or, relative to the working directory, {@code file:dir/}. */
public final class FileSystemStorageProvider implements StorageProvider {

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public Storage open(StorageDescriptor d) {
        return new FileSystemStorage(d.getId(), root(d.getResolvedUri()));
    }

    static Path root(URI uri) {
        return uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
    }
}
