package org.arca.it.storage.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.StorageProvider;
import org.arca.ldap.config.StorageDescriptor;

/**
 * A third party's storage provider, shipped as a jar of its own (the test puts it into the
 * EAR's lib/): scheme {@code itdir:/abs/dir/}, every object a file {@code <path>.obj} below
 * the directory, so that the test sees this provider, not {@code file:}, did the writing.
 */
public final class DirectoryProvider implements StorageProvider {
    public static final String SCHEME = "itdir";
    public static final String SUFFIX = ".obj";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Storage open(StorageDescriptor d) throws IOException {
        Path root = Path.of(URI.create(d.getResolvedUri()).getSchemeSpecificPart());
        Files.createDirectories(root);
        return new DirStorage(d.getId(), root);
    }

    static final class DirStorage implements Storage {
        private final String id;
        private final Path root;

        DirStorage(String id, Path root) {
            this.id = id;
            this.root = root;
        }

        private Path file(String path) {
            return root.resolve(path + SUFFIX);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public ObjectWriter create(String path) throws IOException {
            Path target = file(path);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(path);
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".part", null);
            OutputStream out = Files.newOutputStream(tmp);
            return new ObjectWriter() {
                boolean committed;

                @Override
                public OutputStream stream() {
                    return out;
                }

                @Override
                public void commit() throws IOException {
                    out.close();
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    committed = true;
                }

                @Override
                public void close() throws IOException {
                    out.close();
                    if (!committed) {
                        Files.deleteIfExists(tmp);
                    }
                }
            };
        }

        @Override
        public InputStream open(String path) throws IOException {
            Path f = file(path);
            if (!Files.exists(f)) {
                throw new NoSuchFileException(path);
            }
            return Files.newInputStream(f);
        }

        @Override
        public boolean exists(String path) {
            return Files.exists(file(path));
        }

        @Override
        public void delete(String path) throws IOException {
            Files.deleteIfExists(file(path));
        }

        @Override
        public Stream<String> objects(String prefix) throws IOException {
            return Files.walk(root.resolve(prefix)).filter(f -> f.toString().endsWith(SUFFIX))
                    .map(f -> root.relativize(f).toString()).map(s -> s.substring(0, s.length() - SUFFIX.length()));
        }

        @Override
        public Stream<String> list(String prefix) throws IOException {
            return Files.list(root.resolve(prefix)).filter(f -> !f.getFileName().toString().startsWith(".part"))
                    .map(f -> {
                        String s = root.relativize(f).toString();
                        return Files.isDirectory(f) ? s + "/" : s.substring(0, s.length() - SUFFIX.length());
                    });
        }
    }
}
