package org.arca.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.ejb.index.BulkDataElements;
import org.arca.ejb.index.Level;
import org.arca.ejb.index.Location;
import org.arca.ejb.index.Normalized;
import org.arca.ejb.index.StoredAttributes;

/**
 * Inserts an instance with its location. On PostgreSQL in one statement (data-modifying
 * WITH): one round trip instead of two, which under a busy CPU is what the index time of a
 * store mostly is. Elsewhere (embedded H2, where a round trip costs nothing) plain statements.
 */
final class InstanceInsert {
    private static final String INSTANCE = "INSERT INTO instance (series_fk, sop_iuid, sop_cuid, inst_no, content_date,"
            + " content_time, created_time, attrs, bulk_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LOCATION_COLUMNS = "INSERT INTO location (instance_fk, storage_id, storage_path, tsuid,"
            + " object_size, digest, status, created_time)";
    private static final String BOTH_ROWS = "WITH i AS (" + INSTANCE + " RETURNING pk),"
            + " l AS (" + LOCATION_COLUMNS + " VALUES ((SELECT pk FROM i), ?, ?, ?, ?, ?, 0, ?) RETURNING instance_fk)"
            + " SELECT instance_fk FROM l";

    private final boolean oneStatement;

    private InstanceInsert(boolean oneStatement) {
        this.oneStatement = oneStatement;
    }

    /** For the database behind {@code c}. */
    static InstanceInsert of(Connection c) throws SQLException {
        return new InstanceInsert("PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
    }

    void insert(Connection c, Attributes h, StoredInstance inst, long seriesPk, Timestamp now) throws SQLException {
        int no = h.getInt(Tag.InstanceNumber, Integer.MIN_VALUE);
        Location l = inst.location();
        Object[] instance = {seriesPk, inst.context().sopInstanceUID(), inst.context().sopClassUID(),
                no == Integer.MIN_VALUE ? null : no, Normalized.date(h.getString(Tag.ContentDate)),
                Normalized.time(h.getString(Tag.ContentTime)), now, StoredAttributes.encode(h, Level.IMAGE),
                BulkDataElements.of(h)};
        Object[] location = {l.storageId(), l.storagePath(), l.transferSyntaxUID(), l.size(), l.digest(), now};
        if (oneStatement) {
            try (PreparedStatement ps = c.prepareStatement(BOTH_ROWS)) {
                bind(ps, bind(ps, 1, instance), location);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no instance inserted for " + inst.context().sopInstanceUID());
                    }
                }
            }
            return;
        }
        long instancePk;
        try (PreparedStatement ps = c.prepareStatement(INSTANCE, new String[] {"pk"})) {
            bind(ps, 1, instance);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                if (!rs.next()) {
                    throw new SQLException("no key generated for instance " + inst.context().sopInstanceUID());
                }
                instancePk = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(LOCATION_COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
            bind(ps, bind(ps, 1, instancePk), location);
            ps.executeUpdate();
        }
    }

    /** Binds {@code params} from parameter {@code first} on; returns the next parameter's index. */
    private static int bind(PreparedStatement ps, int first, Object... params) throws SQLException {
        int i = first;
        for (Object p : params) {
            if (p == null) {
                ps.setNull(i, Types.NULL); // untyped: pgjdbc would refuse a VARCHAR null for INTEGER
            } else if (p instanceof byte[] b) {
                ps.setBytes(i, b);
            } else {
                ps.setObject(i, p);
            }
            i++;
        }
        return i;
    }
}
