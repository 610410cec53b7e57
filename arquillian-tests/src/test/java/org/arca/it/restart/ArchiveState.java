package org.arca.it.restart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the index (read over JDBC) and a file-system storage hold, side by side: the instances
 * and their locations, the files, and where the two disagree.
 */
record ArchiveState(Map<String, String> pathByInstance, Set<String> rowPaths, Set<String> files,
                    List<String> temporaryFiles, long studyCount, long instanceCountOfStudies) {

    static ArchiveState read(String jdbcUrl, String user, String password, String storageId, Path root)
            throws SQLException, IOException {
        return read(jdbcUrl, user, password, storageId, root, true);
    }

    /** withIndex false: the storage only (the database may be down). */
    static ArchiveState read(String jdbcUrl, String user, String password, String storageId, Path root,
                             boolean withIndex) throws SQLException, IOException {
        Map<String, String> byInstance = new HashMap<>();
        Set<String> rows = new HashSet<>();
        long studies = 0;
        long counted = 0;
        if (withIndex) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT i.sop_iuid, l.storage_path FROM instance i"
                        + " JOIN location l ON l.instance_fk = i.pk WHERE l.storage_id = '" + storageId + "'")) {
                    while (rs.next()) {
                        byInstance.put(rs.getString(1), rs.getString(2));
                        rows.add(rs.getString(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(num_instances), 0) FROM study")) {
                    rs.next();
                    studies = rs.getLong(1);
                    counted = rs.getLong(2);
                }
            }
        }
        Set<String> files = new HashSet<>();
        List<String> temporary;
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                List<Path> all = s.filter(Files::isRegularFile).toList();
                temporary = all.stream().map(p -> root.relativize(p).toString())
                        .filter(n -> Path.of(n).getFileName().toString().startsWith(".")).toList();
                for (Path p : all) {
                    String rel = root.relativize(p).toString();
                    if (!temporary.contains(rel)) {
                        files.add(rel);
                    }
                }
            }
        } else {
            temporary = List.of();
        }
        return new ArchiveState(byInstance, rows, files, temporary, studies, counted);
    }

    Set<String> rowsWithoutFile() {
        Set<String> s = new HashSet<>(rowPaths);
        s.removeAll(files);
        return s;
    }

    Set<String> filesWithoutRow() {
        Set<String> s = new HashSet<>(files);
        s.removeAll(rowPaths);
        return s;
    }

    @Override
    public String toString() {
        return pathByInstance.size() + " instance(s) indexed, " + files.size() + " file(s), "
                + rowsWithoutFile().size() + " row(s) without file, " + filesWithoutRow().size()
                + " file(s) without row, " + temporaryFiles.size() + " temporary file(s)";
    }
}
