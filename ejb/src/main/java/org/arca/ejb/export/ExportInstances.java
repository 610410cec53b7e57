package org.arca.ejb.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.arca.ejb.index.Location;
import org.arca.ejb.retrieve.InstanceLocation;

/**
 * The instances an export task names (a study, a series of it or one instance), each with
 * one readable copy, in series and instance-number order.
 */
public final class ExportInstances {

    private ExportInstances() {
    }

    /** An instance to export and the pk of its row (the storage exporter adds locations to it). */
    public record Item(long instancePk, InstanceLocation instance) {
    }

    public static List<Item> of(DataSource ds, ExportTask task) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT i.pk, i.sop_cuid, i.sop_iuid, l.storage_id, l.storage_path,"
                + " l.tsuid, l.object_size, l.digest FROM instance i"
                + " JOIN location l ON l.instance_fk = i.pk AND l.status = 0"
                + " JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk"
                + " WHERE st.study_iuid = ?");
        List<String> params = new ArrayList<>(List.of(task.getStudyInstanceUid()));
        if (isSet(task.getSeriesInstanceUid())) {
            sql.append(" AND se.series_iuid = ?");
            params.add(task.getSeriesInstanceUid());
        }
        if (isSet(task.getSopInstanceUid())) {
            sql.append(" AND i.sop_iuid = ?");
            params.add(task.getSopInstanceUid());
        }
        sql.append(" ORDER BY se.pk, i.inst_no, i.pk, l.pk");
        List<Item> result = new ArrayList<>();
        long last = -1;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long pk = rs.getLong(1);
                    if (pk == last) {
                        continue; // several copies: the first one serves
                    }
                    last = pk;
                    result.add(new Item(pk, new InstanceLocation(rs.getString(2), rs.getString(3),
                            new Location(rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                                    rs.getString(8)))));
                }
            }
        }
        return result;
    }

    /** dcm4chee writes '*' for "all series/instances"; both that and null mean no restriction. */
    private static boolean isSet(String uid) {
        return uid != null && !uid.isEmpty() && !uid.equals("*");
    }
}
