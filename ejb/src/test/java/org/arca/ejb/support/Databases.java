package org.arca.ejb.support;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.arca.db.SchemaMigration;
import org.h2.jdbcx.JdbcDataSource;

/** Migrated test databases: an H2 file database in a directory, or a new PostgreSQL database. */
public final class Databases {
    private Databases() {
    }

    public enum Kind { H2, POSTGRESQL }

    public static DataSource create(Kind kind, Path dir) throws Exception {
        DataSource ds;
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.resolve("arca") + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            ds = h2;
        } else {
            ds = Postgres.get().newDatabase();
        }
        SchemaMigration.migrate(ds);
        return ds;
    }

    /** A data source whose server does not answer (a loopback port nobody listens on). */
    public static DataSource unreachable(Kind kind) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/arca");
            h2.setUser("sa");
            return h2;
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setServerNames(new String[] {"127.0.0.1"});
        pg.setPortNumbers(new int[] {port});
        pg.setDatabaseName("arca");
        pg.setUser("arca");
        pg.setConnectTimeout(2);
        return pg;
    }
}
