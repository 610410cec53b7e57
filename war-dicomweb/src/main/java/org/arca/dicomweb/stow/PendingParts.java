package org.arca.dicomweb.stow;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;

/**
 * The parts of one STOW-RS request that were read and written but are still being made durable
 * and indexed, while the next part is read: the fsync and commit of one part overlap the
 * receiving of the next. Answered in part order. At most {@link #IN_FLIGHT} at a time, so one
 * request holds a bounded number of threads and database connections.
 */
final class PendingParts {
    private static final Logger LOG = Logger.getLogger(PendingParts.class.getName());
    static final int IN_FLIGHT = 4;

    private record Pending(int part, String cuid, String iuid, String[] seriesAndStudy,
                           CompletableFuture<Integer> status) {
    }

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final String aet;

    PendingParts(String aet) {
        this.aet = aet;
    }

    /** {@code seriesAndStudy} is filled when the part's header was read, before this call. */
    void add(int part, String cuid, String iuid, String[] seriesAndStudy, CompletableFuture<Integer> status,
             StowOutcome outcome) {
        queue.add(new Pending(part, cuid, iuid, seriesAndStudy, status));
        while (queue.size() > IN_FLIGHT) {
            answer(queue.poll(), outcome);
        }
    }

    /** Waits for every part still pending and records how it went. */
    void answerAll(StowOutcome outcome) {
        while (!queue.isEmpty()) {
            answer(queue.poll(), outcome);
        }
    }

    /** The request failed as a whole: waits for the parts so nothing runs on after the response. */
    void settleAll() {
        while (!queue.isEmpty()) {
            try {
                queue.poll().status().join();
            } catch (RuntimeException e) {
                // no response names it; the archive is consistent either way
            }
        }
    }

    private void answer(Pending p, StowOutcome outcome) {
        try {
            p.status().join();
            outcome.stored(p.cuid(), p.iuid(), p.seriesAndStudy()[1], p.seriesAndStudy()[0]);
        } catch (CompletionException e) {
            int status = e.getCause() instanceof DicomServiceException d ? d.status() : Status.PROCESSING_FAILURE;
            String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            LOG.info(() -> "STOW-RS to " + aet + ": instance " + p.iuid() + " failed: " + message);
            outcome.failed(p.part(), p.cuid(), p.iuid(), status, message);
        }
    }
}
