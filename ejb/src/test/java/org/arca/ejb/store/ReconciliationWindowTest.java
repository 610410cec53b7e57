package org.arca.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationWindowTest {
    @TempDir
    Path tmp;

    @Test
    void startsAtTheEpochMovesOnReconcileAndKeepsInFlightMarginOnStop() throws Exception {
        ReconciliationWindow w = new ReconciliationWindow(tmp.resolve("store/reconciled-until"));
        assertEquals(Instant.EPOCH, w.from(), "never reconciled: everything");
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        w.reconciledUntil(start);
        assertEquals(start, w.from());
        w.stoppedAt(start.plusSeconds(3600), start);
        assertEquals(start.plusSeconds(3600).minus(ReconciliationWindow.IN_FLIGHT), w.from());
        w.stoppedAt(start.plusSeconds(60), start);
        assertEquals(start, w.from(), "never before the run's own start");
    }
}
