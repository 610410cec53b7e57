package org.arca.ejb.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomParseException;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.index.InstanceCounters;
import org.arca.ejb.index.Level;

/**
 * C-FIND SCP work: matches an identifier against the index and hands each match, built from
 * the stored attributes, to a consumer until it says stop (C-CANCEL). Plain JDBC, results
 * streamed from the database (fetch size), never collected.
 */
public final class QueryService {

    /** Receives one encoded match; returns false to stop (the SCU cancelled). */
    @FunctionalInterface
    public interface MatchConsumer {
        boolean match(byte[] identifier) throws IOException;
    }

    private static final int FETCH_SIZE = 100;

    private final DataSource dataSource;

    public QueryService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs a C-FIND; returns SUCCESS or CANCEL, or throws with a failure status. */
    public int find(String sopClassUID, String transferSyntaxUID, byte[] identifier, String retrieveAET,
                    MatchConsumer consumer) throws DicomServiceException, IOException {
        QueryModel model = QueryModel.of(sopClassUID);
        Attributes keys = parseIdentifier(identifier, transferSyntaxUID);
        Level level = Level.of(keys.getString(Tag.QueryRetrieveLevel));
        if (model == null || !model.allows(level)) {
            throw new DicomServiceException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level " + keys.getString(Tag.QueryRetrieveLevel) + " not supported");
        }
        return find(level, keys, false, transferSyntaxUID, retrieveAET, consumer);
    }

    /**
     * Matches {@code keys} at {@code level} (QIDO-RS and C-FIND): each match has every key
     * (its stored value or empty) and, with {@code allAttributes}, every attribute stored at its
     * levels as well. Returns SUCCESS or CANCEL; a bad key value throws C000.
     */
    public int find(Level level, Attributes keys, boolean allAttributes, String transferSyntaxUID,
                    String retrieveAET, MatchConsumer consumer) throws DicomServiceException, IOException {
        QueryKeys matching;
        try {
            matching = new QueryKeys(keys, level);
        } catch (NumberFormatException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "Invalid matching key: " + e.getMessage());
        }
        MatchBuilder builder = new MatchBuilder(keys, level, retrieveAET, TransferSyntax.of(transferSyntaxUID), allAttributes);
        String sql = "SELECT " + columns(level) + from(level) + matching.where() + " ORDER BY " + order(level);
        if (level != Level.PATIENT) {
            InstanceCounters.awaitAll(); // the responses carry the counts of instances stored just now
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_SIZE);
                bind(ps, matching.params());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!consumer.match(builder.build(rs))) {
                            return Status.CANCEL;
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "Database: " + e.getMessage(), e);
        }
        return Status.SUCCESS;
    }

    /** Decodes a C-FIND/C-MOVE/C-GET identifier; C000 when it cannot be parsed. */
    public static Attributes parseIdentifier(byte[] identifier, String tsuid) throws DicomServiceException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(identifier), TransferSyntax.of(tsuid))) {
            return in.readDataset();
        } catch (DicomParseException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "Cannot parse identifier: " + e.getMessage());
        } catch (IOException e) {
            throw new DicomServiceException(Status.UNABLE_TO_PROCESS, "Cannot read identifier: " + e.getMessage());
        }
    }

    /** Columns read per level, in the order MatchBuilder expects them. */
    static String columns(Level level) {
        StringBuilder sb = new StringBuilder("p.attrs, p.num_studies");
        if (level.ordinal() >= Level.STUDY.ordinal()) {
            sb.append(", st.attrs, st.num_series, st.num_instances, st.mods_in_study");
        }
        if (level.ordinal() >= Level.SERIES.ordinal()) {
            sb.append(", se.attrs, se.num_instances");
        }
        if (level == Level.IMAGE) {
            sb.append(", i.attrs, i.sop_iuid, i.sop_cuid");
        }
        return sb.toString();
    }

    static String from(Level level) {
        return switch (level) {
            case PATIENT -> " FROM patient p";
            case STUDY -> " FROM study st JOIN patient p ON p.pk = st.patient_fk";
            case SERIES -> " FROM series se JOIN study st ON st.pk = se.study_fk JOIN patient p ON p.pk = st.patient_fk";
            case IMAGE -> " FROM instance i JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk"
                    + " JOIN patient p ON p.pk = st.patient_fk";
        };
    }

    private static String order(Level level) {
        return switch (level) {
            case PATIENT -> "p.pk";
            case STUDY -> "st.pk";
            case SERIES -> "se.pk";
            case IMAGE -> "i.pk";
        };
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
