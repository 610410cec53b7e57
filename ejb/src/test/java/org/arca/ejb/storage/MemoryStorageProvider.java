package org.arca.ejb.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.arca.ldap.config.StorageDescriptor;

/**
 * A third-party provider as a jar would bring it: scheme {@code mem:<name>}, objects in memory,
 * registered only through META-INF/services in the test resources.
 */
public final class MemoryStorageProvider implements StorageProvider {
    /** The stores by name, so that a test can look inside. */
    static final Map<String, ConcurrentSkipListMap<String, byte[]>> STORES = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "mem";
    }

    @Override
    public Storage open(StorageDescriptor d) {
        return new MemoryStorage(d.getId(),
                STORES.computeIfAbsent(d.getResolvedUri().substring(d.getResolvedUri().indexOf(':') + 1),
                        k -> new ConcurrentSkipListMap<>()));
    }

    record MemoryStorage(String id, ConcurrentSkipListMap<String, byte[]> objects) implements Storage {

        @Override
        public ObjectWriter create(String path) throws FileAlreadyExistsException {
            if (objects.containsKey(path)) {
                throw new FileAlreadyExistsException(path);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            return new ObjectWriter() {
                @Override
                public OutputStream stream() {
                    return buf;
                }

                @Override
                public void commit() throws FileAlreadyExistsException {
                    if (objects.putIfAbsent(path, buf.toByteArray()) != null) {
                        throw new FileAlreadyExistsException(path);
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public InputStream open(String path) throws NoSuchFileException {
            byte[] b = objects.get(path);
            if (b == null) {
                throw new NoSuchFileException(path);
            }
            return new ByteArrayInputStream(b);
        }

        @Override
        public boolean exists(String path) {
            return objects.containsKey(path);
        }

        @Override
        public void delete(String path) {
            objects.remove(path);
        }

        @Override
        public Stream<String> objects(String prefix) {
            return objects.keySet().stream().filter(k -> k.startsWith(prefix));
        }

        @Override
        public Stream<String> list(String prefix) {
            return objects(prefix).map(k -> {
                int slash = k.indexOf('/', prefix.length());
                return slash < 0 ? k : k.substring(0, slash + 1);
            }).distinct();
        }
    }
}
