package org.arca.ejb.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How much each storage holds according to the index (objects and bytes of their locations),
 * for monitoring. Counted in the database rather than in the storage: listing a bucket of
 * millions of objects is slow and, on S3, billed per request.
 */
public final class StorageUsage {

    /** One storage's figures; {@code bytes} counts the objects as stored by the archive, before any transform. */
    public record Usage(String storageId, long objects, long bytes) {
    }

    private final DataSource dataSource;

    public StorageUsage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every storage that has at least one location, by storage ID. */
    public Map<String, Usage> all() throws SQLException {
        Map<String, Usage> m = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT storage_id, COUNT(*), COALESCE(SUM(object_size), 0) FROM location"
                        + " GROUP BY storage_id ORDER BY storage_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), new Usage(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return m;
    }

    /** One storage; zero figures when it holds nothing. */
    public Usage of(String storageId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(object_size), 0) FROM location WHERE storage_id = ?")) {
            ps.setString(1, storageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Usage(storageId, rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
