package org.arca.ejb.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Instances received and exported per minute over a window, counted in the database: instances
 * by the time they were indexed (instance.created_time), exports by the time their task
 * finished (export_task.updated_time of COMPLETED and WARNING tasks, with the instances they
 * sent). Minutes without activity are in the list with zeros, so a chart needs no gap logic.
 * The database groups (DATE_TRUNC, in H2 and PostgreSQL alike), so the rows read stay one per
 * minute however many instances arrive.
 */
public final class ActivityPerMinute {

    /** One minute: its start, instances received, export tasks finished, instances they exported. */
    public record Minute(Instant start, long received, long exportTasks, long exported) {
    }

    private final DataSource dataSource;

    public ActivityPerMinute(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The minutes from {@code from} (rounded down) up to the minute of {@code to}, oldest first. */
    public List<Minute> between(Instant from, Instant to) throws SQLException {
        Instant first = from.truncatedTo(ChronoUnit.MINUTES);
        Map<Instant, long[]> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            count(c, "SELECT m, COUNT(*), 0 FROM (SELECT DATE_TRUNC('MINUTE', created_time) AS m FROM instance"
                    + " WHERE created_time >= ? AND created_time < ?) t GROUP BY m", first, to, counts, 0);
            count(c, "SELECT m, COUNT(*), COALESCE(SUM(n), 0) FROM (SELECT DATE_TRUNC('MINUTE', updated_time) AS m,"
                    + " num_instances AS n FROM export_task WHERE status IN ('COMPLETED', 'WARNING')"
                    + " AND updated_time >= ? AND updated_time < ?) t GROUP BY m", first, to, counts, 1);
        }
        List<Minute> out = new ArrayList<>();
        for (Instant m = first; m.isBefore(to); m = m.plus(1, ChronoUnit.MINUTES)) {
            long[] n = counts.getOrDefault(m, new long[3]);
            out.add(new Minute(m, n[0], n[1], n[2]));
        }
        return out;
    }

    /** column 0: received; column 1 and 2: export tasks and their instances. */
    private static void count(Connection c, String sql, Instant from, Instant to, Map<Instant, long[]> counts,
            int kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] n = counts.computeIfAbsent(rs.getTimestamp(1).toInstant(), k -> new long[3]);
                    if (kind == 0) {
                        n[0] += rs.getLong(2);
                    } else {
                        n[1] += rs.getLong(2);
                        n[2] += rs.getLong(3);
                    }
                }
            }
        }
    }
}
