package org.arca.ejb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * A directory as storage ({@code file:} URI). An object is written to a temporary name in its
 * target directory; commit hard-links it to its path (link fails if the path is taken, so
 * nothing is ever overwritten), then forces file and directory: after commit the object
 * survives a crash. Before commit there is at most a temporary file ({@link #TEMP_SUFFIX}),
 * during it possibly a partial file at the path with no index row; the start-up
 * reconciliation removes both.
 */
public final class FileSystemStorage implements Storage {

    public static final String TEMP_SUFFIX = ".part";

    private final String id;
    private final Path root;

    public FileSystemStorage(String id, Path root) {
        this.id = id;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String id() {
        return id;
    }

    public Path root() {
        return root;
    }

    /** The file of a path; paths that would leave the root are refused. */
    public Path resolve(String path) throws IOException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IOException("storage path outside storage " + id + ": " + path);
        }
        return p;
    }

    @Override
    public ObjectWriter create(String path) throws IOException {
        Path target = resolve(path);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = target.getParent();
        Path firstNew = null;
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            firstNew = d;
        }
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FileWriter(target, temp, ch, firstNew);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(resolve(path));
    }

    @Override
    public InputStream open(String path, long offset, long length) throws IOException {
        FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.READ);
        ch.position(offset); // past the end, reads give end of stream
        InputStream in = Channels.newInputStream(ch);
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    @Override
    public Stream<String> objects(String prefix) throws IOException {
        Path dir = directory(prefix);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        // Files.walk opens directories as the stream advances: lazy, depth-first
        return Files.walk(dir).filter(p -> Files.isRegularFile(p) && !isTemporary(p)).map(this::pathOf);
    }

    @Override
    public Stream<String> list(String prefix) throws IOException {
        Path dir = directory(prefix);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        return Files.list(dir).filter(p -> !isTemporary(p)).sorted()
                .map(p -> Files.isDirectory(p) ? pathOf(p) + "/" : pathOf(p));
    }

    private Path directory(String prefix) throws IOException {
        return prefix.isEmpty() || prefix.equals("/") ? root : resolve(prefix);
    }

    private static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /** The storage path of a file: relative to the root, always with '/'. */
    private String pathOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    @Override
    public boolean exists(String path) throws IOException {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public void delete(String path) throws IOException {
        Path p = resolve(path);
        Files.deleteIfExists(p);
        removeEmptyParents(p.getParent());
    }

    /** Empty directories left by a delete go too, up to the root. */
    private void removeEmptyParents(Path dir) {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    private final class FileWriter implements ObjectWriter {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private final Path firstNewDir;
        private boolean committed;
        private boolean linked;

        FileWriter(Path target, Path temp, FileChannel channel, Path firstNewDir) {
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.firstNewDir = firstNewDir;
            // The channel stays open after the stream is closed: commit still has to force it.
            this.stream = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() throws IOException {
            // Linked first, then file and directories forced at the same time: both must be
            // done before commit returns, their order need not be, and overlapping them saves
            // one flush per object. A crash in between can leave the final name on a partial
            // file; nothing indexes it, and the start-up reconciliation removes it.
            Files.createLink(target, temp); // atomic, and fails if the path is taken
            linked = true;
            Files.delete(temp);
            List<Path> dirs = new ArrayList<>();
            dirs.add(target.getParent());
            if (firstNewDir != null) { // the entries of directories made for it too
                for (Path d = target.getParent(); !d.equals(firstNewDir.getParent()); d = d.getParent()) {
                    dirs.add(d.getParent());
                }
            }
            CompletableFuture<Void> dirsDurable = DirectorySync.SHARED.forceAsync(dirs);
            try {
                channel.force(true);
            } finally {
                await(dirsDurable);
            }
            channel.close();
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                channel.close();
            }
            if (!committed) {
                Files.deleteIfExists(temp);
                if (linked) {
                    Files.deleteIfExists(target);
                }
                removeEmptyParents(temp.getParent());
            }
        }
    }

    private static void await(CompletableFuture<Void> f) throws IOException {
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }
}
