package org.arca.ejb.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.arca.ejb.index.BulkDataElements;
import org.arca.ejb.index.Location;
import org.arca.ejb.index.StoredAttributes;

/**
 * What WADO-RS and WADO-URI need from the index: the instances of a study, series or single
 * instance with their locations, and their attributes (metadata) straight from the attrs
 * columns, so that metadata never opens a stored object. Instances are ordered by series, then
 * instance number. Bulk data values other than pixel data come as references of their recorded
 * length ({@link BulkDataElements#PLACEHOLDER}), for writers to turn into bulk data URLs.
 */
public final class InstanceIndex {
    private static final int FETCH_SIZE = 200;
    private static final String FROM = " FROM instance i JOIN location l ON l.instance_fk = i.pk AND l.status = 0"
            + " JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk";
    /** Metadata needs the patient's attributes too; locations do not (one join fewer to plan). */
    private static final String WITH_PATIENT = FROM + " JOIN patient p ON p.pk = st.patient_fk";
    private static final String OBJECT_COLUMNS = "st.study_iuid, se.series_iuid, i.sop_cuid, i.sop_iuid,"
            + " l.storage_id, l.storage_path, l.tsuid, l.object_size, l.digest";

    /** Receives one instance; throws IOException when the client went away. */
    @FunctionalInterface
    public interface MetadataConsumer {
        void accept(InstanceMetadata m) throws IOException;
    }

    private final DataSource dataSource;

    InstanceIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored instances below the given UIDs (series and sop may be null); one copy each. */
    public List<StoredObject> locate(String study, String series, String sop) throws SQLException {
        List<StoredObject> result = new ArrayList<>();
        try {
            query(study, series, sop, OBJECT_COLUMNS + FROM, rs -> result.add(object(rs)));
        } catch (IOException e) {
            throw new IllegalStateException(e); // the row reader does no I/O here
        }
        return result;
    }

    /** Streams the merged attributes of the instances below the given UIDs; returns how many. */
    public int metadata(String study, String series, String sop, MetadataConsumer consumer)
            throws SQLException, IOException {
        int[] n = {0};
        String columns = OBJECT_COLUMNS + ", p.attrs, st.attrs, se.attrs, i.attrs, i.bulk_data";
        query(study, series, sop, columns + WITH_PATIENT, rs -> {
            StoredObject o = object(rs);
            consumer.accept(new InstanceMetadata(o, BulkDataElements.restore(rs.getString(14), LevelMerge.merge(List.of(
                    StoredAttributes.decode(rs.getBytes(10)), StoredAttributes.decode(rs.getBytes(11)),
                    StoredAttributes.decode(rs.getBytes(12)), StoredAttributes.decode(rs.getBytes(13)))))));
            n[0]++;
        });
        return n[0];
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException, IOException;
    }

    /** @param columnsAndFrom the select list and FROM clause */
    private void query(String study, String series, String sop, String columnsAndFrom, Row row)
            throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("SELECT ").append(columnsAndFrom)
                .append(" WHERE st.study_iuid = ?");
        List<String> params = new ArrayList<>(List.of(study));
        if (series != null) {
            sql.append(" AND se.series_iuid = ?");
            params.add(series);
        }
        if (sop != null) {
            sql.append(" AND i.sop_iuid = ?");
            params.add(sop);
        }
        sql.append(" ORDER BY se.pk, i.inst_no, i.pk, l.pk");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String last = null;
                    while (rs.next()) {
                        String iuid = rs.getString(4);
                        if (!iuid.equals(last)) { // several copies: the first one serves
                            row.read(rs);
                        }
                        last = iuid;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static StoredObject object(ResultSet rs) throws SQLException {
        return new StoredObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new Location(rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9)));
    }
}
