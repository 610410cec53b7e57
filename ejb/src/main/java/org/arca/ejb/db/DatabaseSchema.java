package org.arca.ejb.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.db.SchemaMigration;

/**
 * Migrates the database before anything else uses it. Beans that may run before start-up
 * finishes (message consumers) call {@link #version()}: the container holds them until the
 * migration is done.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    private String version;

    @PostConstruct
    void migrate() {
        version = SchemaMigration.migrate(dataSource);
        LOG.info("Database schema at version " + version);
    }

    @Lock(LockType.READ)
    public String version() {
        return version;
    }
}
