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
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A directory as storage ({@code file:} URI). An object is written to a temporary name in its
 * target directory, forced to disk, then hard-linked to its path (link fails if the path is
 * taken, so nothing is ever overwritten) and the directory forced too: after commit the object
 * survives a crash, before it there is at most a temporary file, which a start-up scan may
 * remove ({@link #TEMP_SUFFIX}).
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
            channel.force(true);
            channel.close();
            Files.createLink(target, temp); // atomic, and fails if the path is taken
            Files.delete(temp);
            committed = true;
            // the new entry, and the entries of directories made for it, must survive a crash
            Path dir = target.getParent();
            forceDirectory(dir);
            if (firstNewDir != null) {
                for (Path d = dir; !d.equals(firstNewDir.getParent()); d = d.getParent()) {
                    forceDirectory(d.getParent());
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                channel.close();
            }
            if (!committed) {
                Files.deleteIfExists(temp);
                removeEmptyParents(temp.getParent());
            }
        }
    }

    /** Makes the new directory entry durable (POSIX: fsync of the directory). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // not every platform can open a directory; the link itself is then all we can do
        }
    }
}
