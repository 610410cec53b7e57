package org.arca.ejb.retrieve;

import org.arca.dicom.dict.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.index.Level;
import org.arca.ejb.index.Location;
import org.arca.ejb.query.QueryModel;

/**
 * Finds what a C-MOVE/C-GET identifier asks for (PS3.4 C.4.2.2.1: unique keys down to the
 * retrieve level, lists of UIDs allowed) and returns the instances with their locations.
 */
public final class RetrieveService {
    private final DataSource dataSource;

    public RetrieveService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<InstanceLocation> locate(String sopClassUID, Attributes keys) throws DicomServiceException {
        QueryModel model = QueryModel.of(sopClassUID);
        Level level = Level.of(keys.getString(Tag.QueryRetrieveLevel));
        if (model == null || !model.allows(level)) {
            throw new DicomServiceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level " + keys.getString(Tag.QueryRetrieveLevel) + " not supported");
        }
        StringBuilder where = new StringBuilder();
        List<String> params = new ArrayList<>();
        if (model == QueryModel.PATIENT_ROOT) {
            in(where, params, "p.pat_id", keys.getStrings(Tag.PatientID));
        }
        if (level.ordinal() >= Level.STUDY.ordinal()) {
            in(where, params, "st.study_iuid", keys.getStrings(Tag.StudyInstanceUID));
        }
        if (level.ordinal() >= Level.SERIES.ordinal()) {
            in(where, params, "se.series_iuid", keys.getStrings(Tag.SeriesInstanceUID));
        }
        if (level == Level.IMAGE) {
            in(where, params, "i.sop_iuid", keys.getStrings(Tag.SOPInstanceUID));
        }
        if (params.isEmpty()) {
            throw new DicomServiceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "No unique key for level " + level);
        }
        String sql = "SELECT i.sop_cuid, i.sop_iuid, l.storage_id, l.storage_path, l.tsuid, l.object_size, l.digest"
                + " FROM instance i JOIN location l ON l.instance_fk = i.pk AND l.status = 0"
                + " JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk"
                + " JOIN patient p ON p.pk = st.patient_fk WHERE " + where + " ORDER BY se.pk, i.inst_no, i.pk";
        List<InstanceLocation> result = new ArrayList<>();
        String last = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String iuid = rs.getString(2);
                    if (iuid.equals(last)) {
                        continue; // several copies: the first one serves
                    }
                    last = iuid;
                    result.add(new InstanceLocation(rs.getString(1), iuid, new Location(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "Database: " + e.getMessage(), e);
        }
        return result;
    }

    private static void in(StringBuilder where, List<String> params, String column, String[] values) {
        if (values.length == 0) {
            return;
        }
        where.append(where.length() == 0 ? "" : " AND ").append(column).append(" IN (")
                .append("?, ".repeat(values.length - 1)).append("?)");
        params.addAll(List.of(values));
    }
}
