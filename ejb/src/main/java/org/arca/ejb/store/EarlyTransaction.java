package org.arca.ejb.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An index transaction begun from an object's header while the rest of the object (the pixel
 * data) was still arriving: its connection checkout and lookups cost no time after the last
 * byte. Finished with the instance row once the object's size and digest are known, committed
 * once the object is durable. Open until closed: rolled back unless it committed.
 */
final class EarlyTransaction implements AutoCloseable {
    private final IndexUpdate index;
    private final Connection connection;
    private final IndexUpdate.Parents parents;
    private final Timestamp now;
    private boolean committed;

    EarlyTransaction(IndexUpdate index, Connection connection, IndexUpdate.Parents parents, Timestamp now) {
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
            index.instanceInsert(connection).insert(connection, inst.header(), inst, parents.seriesPk(),
                    parents.studyPk(), now);
            outcome = new IndexUpdate.Outcome(false, parents.replaced());
        }
        phases.mark(3);
        IndexUpdate.awaitDurable(durable);
        phases.mark(4);
        connection.commit();
        committed = true;
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
