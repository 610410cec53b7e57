package org.arca.ejb.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The instance counters of series and study (num_instances, and updated_time: the last
 * instance indexed), applied after the store transactions instead of in them. In the store
 * transaction they were the rows that every store of one series locked from its counter update
 * to its commit's WAL flush, so parallel stores of a study (several associations, STOW-RS
 * requests) committed one behind the other. Here one thread applies what the committed stores
 * added since its last round: one statement per round on PostgreSQL (without waiting for its WAL
 * flush), a transaction of two batches elsewhere, on a connection it keeps while stores keep coming.
 *
 * <p>What is not yet applied is lost with the process; {@link #recount} at start-up rebuilds
 * the counters of every series that got instances since the last clean stop. Readers in this
 * process call {@link #awaitAll} first, so a query right after a store counts it.
 */
public final class InstanceCounters {
    private static final Logger LOG = Logger.getLogger(InstanceCounters.class.getName());
    private static final Map<DataSource, InstanceCounters> BY_DATA_SOURCE = new ConcurrentHashMap<>();
    private static final ExecutorService APPLIER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "arca-instance-counters");
        t.setDaemon(true);
        return t;
    });
    /** How long a reader waits for counters while the database fails, before reading stale ones. */
    private static final long AWAIT_MILLIS = 5_000;
    private static final long MAX_RETRY_DELAY_MILLIS = 5_000;
    /** How long the applier keeps its connection after a round that found nothing more to apply. */
    private static final long LINGER_MILLIS = 200;
    /**
     * How long a round gathers deltas before it applies them, unless a reader waits: a round
     * costs a statement and a wake-up whether it carries one store or twenty.
     */
    private static final long GATHER_MILLIS = 20;
    /** PostgreSQL: both tables in one statement, the deltas as arrays: one round trip a round. */
    private static final String PG_UPDATE = "WITH se AS (UPDATE series s SET num_instances = s.num_instances + d.n,"
            + " updated_time = GREATEST(s.updated_time, d.t) FROM unnest(?::bigint[], ?::bigint[], ?::timestamp[])"
            + " AS d(pk, n, t) WHERE s.pk = d.pk)"
            + " UPDATE study s SET num_instances = s.num_instances + d.n, updated_time = GREATEST(s.updated_time, d.t)"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::timestamp[]) AS d(pk, n, t) WHERE s.pk = d.pk";

    /** Instances added to one series or study, and the newest time among them. */
    private static final class Delta {
        long count;
        Timestamp updated;

        void add(long n, Timestamp at) {
            count += n;
            if (updated == null || at.after(updated)) {
                updated = at;
            }
        }
    }

    private final DataSource dataSource;
    // ordered by pk: concurrent updates of the same rows always lock them in one order
    private TreeMap<Long, Delta> series = new TreeMap<>();
    private TreeMap<Long, Delta> studies = new TreeMap<>();
    private long added;
    private long applied;
    private int readers;
    private boolean running;
    /** The applier's own connection, kept while stores keep coming (no pool checkout per round). */
    private Connection connection;
    private boolean postgres;

    private InstanceCounters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The counters of the index behind {@code dataSource}. */
    public static InstanceCounters of(DataSource dataSource) {
        return BY_DATA_SOURCE.computeIfAbsent(dataSource, InstanceCounters::new);
    }

    /** Waits until what any store of this process added before this call is in the database. */
    public static void awaitAll() {
        for (InstanceCounters c : BY_DATA_SOURCE.values()) {
            c.awaitApplied();
        }
    }

    /** One instance committed in {@code seriesPk} of {@code studyPk}, indexed at {@code at}. */
    public synchronized void add(long seriesPk, long studyPk, Timestamp at) {
        series.computeIfAbsent(seriesPk, k -> new Delta()).add(1, at);
        studies.computeIfAbsent(studyPk, k -> new Delta()).add(1, at);
        added++;
        if (!running) {
            running = true;
            APPLIER.execute(this::applyAll);
        } else {
            notifyAll(); // the applier may be lingering
        }
    }

    /** Waits (bounded) until what was added before this call is applied. */
    public void awaitApplied() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        synchronized (this) {
            long target = added;
            if (applied >= target) {
                return;
            }
            readers++;
            notifyAll(); // a gathering round applies at once
            try {
                while (applied < target) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        LOG.warning("instance counters not yet applied: " + (target - applied) + " pending");
                        return;
                    }
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                readers--;
            }
        }
    }

    /** Lets deltas gather for a round (GATHER_MILLIS, less when a reader waits); under the lock. */
    private void gather() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MILLIS);
        while (readers == 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    private void applyAll() {
        long delay = 50;
        for (;;) {
            TreeMap<Long, Delta> se;
            TreeMap<Long, Delta> st;
            long upTo;
            synchronized (this) {
                try {
                    gather();
                    if (series.isEmpty() && studies.isEmpty()) {
                        wait(LINGER_MILLIS); // stores in a row: the next round soon, on the same connection
                        gather();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (series.isEmpty() && studies.isEmpty()) {
                    release();
                    running = false;
                    return;
                }
                se = series;
                st = studies;
                series = new TreeMap<>();
                studies = new TreeMap<>();
                upTo = added;
            }
            try {
                apply(se, st);
                delay = 50;
                synchronized (this) {
                    applied = upTo;
                    notifyAll();
                }
            } catch (SQLException | RuntimeException e) {
                release();
                LOG.log(Level.WARNING, "instance counters of " + se.size() + " series not applied, retrying in "
                        + delay + " ms", e);
                synchronized (this) {
                    merge(se, series);
                    merge(st, studies);
                    series = se;
                    studies = st;
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    synchronized (this) {
                        running = false;
                    }
                    return;
                }
                delay = Math.min(delay * 2, MAX_RETRY_DELAY_MILLIS);
            }
        }
    }

    /** Adds the deltas of {@code from} into {@code into}. */
    private static void merge(TreeMap<Long, Delta> into, TreeMap<Long, Delta> from) {
        from.forEach((pk, d) -> into.computeIfAbsent(pk, k -> new Delta()).add(d.count, d.updated));
    }

    private void apply(TreeMap<Long, Delta> se, TreeMap<Long, Delta> st) throws SQLException {
        Connection c = connection();
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement(PG_UPDATE)) {
                bindArrays(c, ps, 1, se);
                bindArrays(c, ps, 4, st);
                ps.executeUpdate();
            }
            return;
        }
        c.setAutoCommit(false);
        try {
            update(c, "series", se);
            update(c, "study", st);
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = dataSource.getConnection();
            try {
                postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
                c.setAutoCommit(true);
                if (postgres) {
                    // no wait for the WAL flush: a crash loses at most what recount() rebuilds
                    try (Statement s = c.createStatement()) {
                        s.execute("SET synchronous_commit TO OFF");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** Back to the pool (as it was: the session setting undone), or discarded if broken. */
    private void release() {
        Connection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        try {
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("RESET synchronous_commit");
                }
            }
        } catch (SQLException e) {
            // broken: the pool discards it
        }
        try {
            c.close();
        } catch (SQLException e) {
            // as above
        }
    }

    private static void bindArrays(Connection c, PreparedStatement ps, int first, TreeMap<Long, Delta> deltas)
            throws SQLException {
        Long[] pks = new Long[deltas.size()];
        Long[] counts = new Long[pks.length];
        Timestamp[] times = new Timestamp[pks.length];
        int i = 0;
        for (Map.Entry<Long, Delta> e : deltas.entrySet()) {
            pks[i] = e.getKey();
            counts[i] = e.getValue().count;
            times[i++] = e.getValue().updated;
        }
        ps.setArray(first, c.createArrayOf("bigint", pks));
        ps.setArray(first + 1, c.createArrayOf("bigint", counts));
        ps.setArray(first + 2, c.createArrayOf("timestamp", times));
    }

    private static void update(Connection c, String table, TreeMap<Long, Delta> deltas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET num_instances = num_instances + ?,"
                + " updated_time = GREATEST(updated_time, ?) WHERE pk = ?")) {
            for (Map.Entry<Long, Delta> e : deltas.entrySet()) {
                ps.setLong(1, e.getValue().count);
                ps.setTimestamp(2, e.getValue().updated);
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Counts anew the instances of every series and study that got an instance indexed since
     * {@code since}, and moves their updated_time up to the newest such instance: what a stop
     * without {@link #awaitApplied} (a crash) left unapplied. Run before stores begin.
     * @return the series recounted
     */
    public static int recount(Connection c, Timestamp since) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("UPDATE series SET"
                + " num_instances = (SELECT COUNT(*) FROM instance i WHERE i.series_fk = series.pk),"
                + " updated_time = GREATEST(updated_time, (SELECT MAX(i.created_time) FROM instance i"
                + " WHERE i.series_fk = series.pk))"
                + " WHERE pk IN (SELECT i.series_fk FROM instance i WHERE i.created_time >= ?)")) {
            ps.setTimestamp(1, since);
            n = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE study SET"
                + " num_instances = (SELECT COALESCE(SUM(se.num_instances), 0) FROM series se WHERE se.study_fk = study.pk),"
                + " updated_time = GREATEST(updated_time, (SELECT MAX(se.updated_time) FROM series se"
                + " WHERE se.study_fk = study.pk))"
                + " WHERE pk IN (SELECT se.study_fk FROM series se JOIN instance i ON i.series_fk = se.pk"
                + " WHERE i.created_time >= ?)")) {
            ps.setTimestamp(1, since);
            ps.executeUpdate();
        }
        return n;
    }
}
