package org.arca.ejb.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.arca.ejb.support.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityPerMinuteTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void countsReceivedAndExportedPerMinuteWithEmptyMinutesAsZero(@TempDir Path dir) throws Exception {
        DataSource ds = Databases.create(Databases.Kind.H2, dir);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("INSERT INTO patient (pat_id_issuer, num_studies, created_time, updated_time, attrs)"
                    + " VALUES ('', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, X'')");
            c.createStatement().execute("INSERT INTO study (patient_fk, study_iuid, mods_in_study, num_series, num_instances,"
                    + " created_time, updated_time, attrs) SELECT pk, '1.2', '', 1, 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, X'' FROM patient");
            c.createStatement().execute("INSERT INTO series (study_fk, series_iuid, num_instances, created_time, updated_time, attrs)"
                    + " SELECT pk, '1.2.3', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, X'' FROM study");
            instance(c, "1.2.3.1", T0.plusSeconds(5));
            instance(c, "1.2.3.2", T0.plusSeconds(59));
            instance(c, "1.2.3.3", T0.plusSeconds(125));
            instance(c, "1.2.3.4", T0.minusSeconds(1)); // before the window
            task(c, "COMPLETED", T0.plusSeconds(70), 2);
            task(c, "FAILED", T0.plusSeconds(75), 2);
            task(c, "WARNING", T0.plusSeconds(80), null);
        }
        List<ActivityPerMinute.Minute> m = new ActivityPerMinute(ds).between(T0.plusSeconds(30), T0.plusSeconds(180));
        assertEquals(3, m.size());
        assertEquals(new ActivityPerMinute.Minute(T0, 2, 0, 0), m.get(0));
        assertEquals(new ActivityPerMinute.Minute(T0.plusSeconds(60), 0, 2, 2), m.get(1));
        assertEquals(new ActivityPerMinute.Minute(T0.plusSeconds(120), 1, 0, 0), m.get(2));
    }

    private static void instance(Connection c, String uid, Instant t) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO instance (series_fk, sop_iuid, sop_cuid, created_time, attrs)"
                + " SELECT pk, ?, '1.2.840.10008.5.1.4.1.1.2', ?, X'' FROM series")) {
            ps.setString(1, uid);
            ps.setTimestamp(2, Timestamp.from(t));
            ps.executeUpdate();
        }
    }

    private static void task(Connection c, String status, Instant t, Integer instances) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO export_task (version, queue_name, exporter_id, device_name,"
                + " study_iuid, status, scheduled_time, created_time, updated_time, attempts, num_instances)"
                + " VALUES (0, 'Export1', 'X', 'd', '1.2', ?, ?, ?, ?, 1, ?)")) {
            ps.setString(1, status);
            ps.setTimestamp(2, Timestamp.from(t));
            ps.setTimestamp(3, Timestamp.from(t));
            ps.setTimestamp(4, Timestamp.from(t));
            ps.setObject(5, instances);
            ps.executeUpdate();
        }
    }
}
