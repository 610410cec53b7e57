package org.arca.ejb.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.arca.ejb.storage.FileSystemStorage;

/**
 * Puts a file-system storage and the index back in agreement after a crash. A store writes a
 * temporary file, links it to its final name, commits the index row, and only then answers
 * success; a crash can therefore leave (1) temporary files, (2) files under their final name
 * with no row (crash between link and commit). Both are removed. Rows whose file is missing
 * cannot come from that order, but a storage that lost data can show them: they are marked
 * {@link #STATUS_MISSING} (kept for the operator) and named in the report.
 * <p>Only files last modified in [from, until) are looked up in the index: {@code until} is
 * this process's start, so objects being stored right now are never touched, and {@code from}
 * bounds the work to what the previous run may have left (see {@link ReconciliationWindow}).
 */
public final class StoreReconciliation {

    /** location.status of a row whose object is gone from its storage. */
    public static final int STATUS_MISSING = 2;
    private static final int BATCH = 500;

    /** What one storage's reconciliation found and did. */
    public record Report(String storageId, int temporaryRemoved, List<String> unindexedRemoved,
                         List<String> rowsWithoutFile, long filesChecked) {
        @Override
        public String toString() {
            return "storage " + storageId + ": removed " + temporaryRemoved + " temporary file(s), "
                    + unindexedRemoved.size() + " file(s) without index row " + unindexedRemoved + "; "
                    + rowsWithoutFile.size() + " index row(s) without file marked missing " + rowsWithoutFile
                    + "; " + filesChecked + " recent file(s) checked";
        }
    }

    private final DataSource dataSource;

    public StoreReconciliation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Report reconcile(String storageId, Path root, Instant from, Instant until) throws IOException, SQLException {
        FileSystemStorage storage = new FileSystemStorage(storageId, root);
        Path base = storage.root();
        if (!Files.isDirectory(base)) {
            return new Report(storageId, 0, List.of(), List.of(), 0);
        }
        int[] temporary = {0};
        long[] checked = {0};
        List<String> batch = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        long fromMillis = from.toEpochMilli();
        long untilMillis = until.toEpochMilli();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                long modified = attrs.lastModifiedTime().toMillis();
                if (!attrs.isRegularFile() || modified >= untilMillis) {
                    return FileVisitResult.CONTINUE; // written by this run: in progress or indexed
                }
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(FileSystemStorage.TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                    temporary[0]++;
                } else if (modified >= fromMillis) {
                    checked[0]++;
                    batch.add(base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"));
                    if (batch.size() >= BATCH) {
                        removeUnindexed(storage, batch, removed);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed meanwhile (a delete of this run)
                }
                throw e;
            }
        });
        removeUnindexed(storage, batch, removed);
        List<String> missing = markRowsWithoutFile(storage, from, until);
        return new Report(storageId, temporary[0], removed, missing, checked[0]);
    }

    /** Removes the files of {@code paths} that no location row names; clears the batch. */
    private void removeUnindexed(FileSystemStorage storage, List<String> paths, List<String> removed)
            throws IOException {
        if (paths.isEmpty()) {
            return;
        }
        Set<String> indexed = new HashSet<>();
        String sql = "SELECT storage_path FROM location WHERE storage_id = ? AND storage_path IN ("
                + "?,".repeat(paths.size() - 1) + "?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, storage.id());
            for (int i = 0; i < paths.size(); i++) {
                ps.setString(i + 2, paths.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexed.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IOException("index lookup for storage " + storage.id() + ": " + e.getMessage(), e);
        }
        for (String p : paths) {
            if (!indexed.contains(p)) {
                storage.delete(p);
                removed.add(p);
            }
        }
        paths.clear();
    }

    private List<String> markRowsWithoutFile(FileSystemStorage storage, Instant from, Instant until)
            throws SQLException, IOException {
        List<String> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Long> pks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pk, storage_path FROM location"
                    + " WHERE storage_id = ? AND status = 0 AND created_time >= ? AND created_time < ?")) {
                ps.setString(1, storage.id());
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(until));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!storage.exists(rs.getString(2))) {
                            pks.add(rs.getLong(1));
                            missing.add(rs.getString(2));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE location SET status = ? WHERE pk = ?")) {
                for (long pk : pks) {
                    ps.setInt(1, STATUS_MISSING);
                    ps.setLong(2, pk);
                    ps.executeUpdate();
                }
            }
        }
        return missing;
    }
}
