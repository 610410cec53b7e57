package org.arca.ejb.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One object's index transaction, begun from its header (by {@link IndexUpdate#begin} while
 * the pixel data is still arriving, so connection checkout and lookups cost no time after the
 * last byte), finished with the instance row once the object's size and digest are known, and
 * committed once the object is durable. The series and study counters are not in it: their
 * rows are what concurrent stores of one series would contend for, so they are counted after
 * the commit ({@link org.arca.ejb.index.InstanceCounters}).
 * Open until closed: rolled back unless it committed.
 */
final class IndexTransaction implements AutoCloseable {
    private final IndexUpdate index;
    private final Connection connection;
    private final IndexUpdate.Parents parents;
    private final Timestamp now;
    private boolean committed;

    IndexTransaction(IndexUpdate index, Connection connection, IndexUpdate.Parents parents, Timestamp now) {
        this.index = index;
        this.connection = connection;
        this.parents = parents;
        this.now = now;
    }

    IndexUpdate.Outcome finish(StoredInstance inst, CompletableFuture<Void> durable, StorePhases phases)
            throws SQLException, IndexUpdate.NotDurable {
        IndexUpdate.Outcome outcome;
        if (parents.ignored()) {
            outcome = new IndexUpdate.Outcome(true, List.of());
        } else {
            index.instanceInsert(connection).insert(connection, inst.header(), inst, parents.seriesPk(), now);
            outcome = new IndexUpdate.Outcome(false, parents.replaced());
        }
        phases.mark(3);
        IndexUpdate.awaitDurable(durable);
        phases.mark(4);
        connection.commit();
        committed = true;
        if (!parents.ignored()) {
            index.counters().add(parents.seriesPk(), parents.studyPk(), now);
        }
        phases.mark(5);
        return outcome;
    }

    @Override
    public void close() {
        if (!committed) {
            IndexUpdate.rollback(connection);
        }
        release(connection);
    }

    static void release(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // broken connection: the pool discards it
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // as above
        }
    }
}
