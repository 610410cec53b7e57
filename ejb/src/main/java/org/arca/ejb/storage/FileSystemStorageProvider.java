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

    /** file:/abs/path/, file:///abs/path/ and file:relative/path/ (opaque) all name a directory. */
    static Path root(String uri) {
        URI u = URI.create(uri);
        return u.isOpaque() ? Path.of(u.getSchemeSpecificPart()) : Path.of(u);
    }
}
