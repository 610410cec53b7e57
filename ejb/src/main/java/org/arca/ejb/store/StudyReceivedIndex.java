package org.arca.ejb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database side of the study-received event. A study is due when its updated_time (the
 * last indexed instance) is at or before the cutoff and later than its received_time. It is
 * marked by setting received_time to that updated_time, on the condition that updated_time did
 * not move meanwhile: so each burst fires once, even with several nodes polling. The poll reads
 * a range of the updated_time index starting at the newest mark, never the whole table.
 */
final class StudyReceivedIndex {
    private static final int FETCH = 500;

    private final DataSource dataSource;
    private Timestamp watermark;

    StudyReceivedIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Marks and returns the studies idle since {@code cutoff} (at most FETCH per call). The next
     * poll looks {@code margin} back again: an index transaction stamps updated_time when it
     * starts, so one still running at the cutoff commits a time the poll already passed.
     */
    List<StudyReceived> markIdleSince(Instant cutoff, Duration margin) throws SQLException {
        Timestamp until = Timestamp.from(cutoff);
        List<StudyReceived> marked = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (watermark == null) {
                watermark = start(c, margin);
            }
            List<Object[]> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT st.pk, st.study_iuid, st.updated_time,"
                    + " (SELECT MAX(se.src_aet) FROM series se WHERE se.study_fk = st.pk"
                    + " AND se.updated_time = st.updated_time) FROM study st"
                    + " WHERE st.updated_time >= ? AND st.updated_time <= ?"
                    + " AND (st.received_time IS NULL OR st.received_time < st.updated_time)"
                    + " ORDER BY st.updated_time")) {
                ps.setTimestamp(1, watermark);
                ps.setTimestamp(2, until);
                ps.setMaxRows(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getString(4)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE study SET received_time = ? WHERE pk = ? AND updated_time = ?")) {
                for (Object[] d : due) {
                    Timestamp updated = (Timestamp) d[2];
                    ps.setTimestamp(1, updated);
                    ps.setLong(2, (Long) d[0]);
                    ps.setTimestamp(3, updated);
                    if (ps.executeUpdate() == 1) {
                        marked.add(new StudyReceived((String) d[1], updated.toInstant(), (String) d[3]));
                    }
                }
            }
            if (due.size() < FETCH) {
                // everything up to the cutoff is done, but for transactions still running then
                watermark = Timestamp.from(cutoff.minus(margin));
            } else {
                watermark = (Timestamp) due.get(due.size() - 1)[2];
            }
        }
        return marked;
    }

    /**
     * Where to start after a (re)start: the newest mark; with none yet, the newest study, so
     * that enabling the event on an existing archive does not fire it for every old study.
     */
    private static Timestamp start(Connection c, Duration margin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(received_time) FROM study");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getTimestamp(1) != null) {
                return Timestamp.from(rs.getTimestamp(1).toInstant().minus(margin));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(updated_time) FROM study");
             ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? new Timestamp(0) : Timestamp.from(t.toInstant().plusMillis(1));
        }
    }
}
