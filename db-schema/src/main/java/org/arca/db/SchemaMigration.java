package org.arca.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the archive's database to the newest schema version at start. The scripts under
 * {@code org/arca/db/migration} are plain SQL that H2 and PostgreSQL both accept; a script
 * that must differ goes into {@code migration/<vendor>} (Flyway's {vendor} placeholder).
 */
public final class SchemaMigration {

    static final String[] LOCATIONS = {
        "classpath:org/arca/db/migration/common",
        "classpath:org/arca/db/migration/{vendor}"
    };

    private SchemaMigration() {
    }

    /** Applies the pending migrations and returns the schema version reached. */
    public static String migrate(DataSource ds) {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(ds)
                .locations(LOCATIONS)
                .failOnMissingLocations(false)
                .load();
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : flyway.info().current().getVersion().getVersion();
    }
}
