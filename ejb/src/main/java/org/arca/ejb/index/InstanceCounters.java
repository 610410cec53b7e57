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
 * added since its last round, in one transaction per round, one statement per series and study.
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
    private boolean running;
    private Boolean postgres;

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
        }
    }

    /** Waits (bounded) until what was added before this call is applied. */
    public void awaitApplied() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        synchronized (this) {
            long target = added;
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
            }
        }
    }

    private void applyAll() {
        long delay = 50;
        for (;;) {
            TreeMap<Long, Delta> se;
            TreeMap<Long, Delta> st;
            long upTo;
            synchronized (this) {
                if (series.isEmpty() && studies.isEmpty()) {
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (postgres == null) {
                    postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
                }
                if (postgres) {
                    // no wait for the WAL flush: a crash loses at most what recount() rebuilds
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL synchronous_commit TO OFF");
                    }
                }
                update(c, "series", se);
                update(c, "study", st);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void update(Connection c, String table, TreeMap<Long, Delta> deltas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET num_instances = num_instances + ?,"
                + " updated_time = CASE WHEN updated_time < ? THEN ? ELSE updated_time END WHERE pk = ?")) {
            for (Map.Entry<Long, Delta> e : deltas.entrySet()) {
                ps.setLong(1, e.getValue().count);
                ps.setTimestamp(2, e.getValue().updated);
                ps.setTimestamp(3, e.getValue().updated);
                ps.setLong(4, e.getKey());
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
