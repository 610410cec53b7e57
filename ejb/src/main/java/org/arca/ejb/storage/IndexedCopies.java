package org.arca.ejb.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.arca.ejb.index.Location;

/** The copies of an instance as the location table lists them (status 0: usable). */
final class IndexedCopies implements LocationSelector.Copies {
    private final DataSource dataSource;

    IndexedCopies(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Location> of(String sopInstanceUID) throws IOException {
        List<Location> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.storage_id, l.storage_path, l.tsuid, l.object_size, l.digest FROM location l"
                        + " JOIN instance i ON i.pk = l.instance_fk WHERE i.sop_iuid = ? AND l.status = 0 ORDER BY l.pk")) {
            ps.setString(1, sopInstanceUID);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IOException("copies of " + sopInstanceUID + ": " + e.getMessage(), e);
        }
        return all;
    }
}
