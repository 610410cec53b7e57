package org.arca.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDatabaseAndIsIdempotent() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("arca") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        String first = SchemaMigration.migrate(ds);
        String second = SchemaMigration.migrate(ds);
        assertEquals(first, second, "a second start applies nothing");
        assertTrue(Files.exists(dir.resolve("arca.mv.db")));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO export_task (version, queue_name, exporter_id, device_name, study_iuid, status,"
                    + " scheduled_time, created_time, updated_time, attempts)"
                    + " VALUES (0, 'Export1', 'STORESCP', 'dcm4chee-arc', '1.2.3', 'SCHEDULED',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            try (ResultSet rs = s.executeQuery("SELECT pk, status FROM export_task")) {
                assertTrue(rs.next());
                assertEquals("SCHEDULED", rs.getString(2));
            }
        }
    }
}
