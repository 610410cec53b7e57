package org.arca.dicom.net;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.arca.dicom.net.Association.State;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.ARelease;
import org.arca.dicom.net.pdu.PduException;
import org.arca.dicom.net.pdu.PduOutput;

/**
 * The end of an association: the states from established to closed, A-RELEASE (with release
 * collisions, PS3.8 9.2), A-ABORT sent and received, ARTIM after either, the idle timeout, and
 * the close listeners. Every transition happens under one lock.
 */
final class AssociationLifecycle {
    private static final LazyLogger LOG = new LazyLogger(Association.class);

    private final Association as;
    private final Transport transport;
    private final PduOutput out;
    private final ConnectionOptions options;
    private final boolean requestor;
    private final Object lock = new Object();
    private State state = State.ESTABLISHED;
    private boolean peerRequestedRelease;
    private volatile IOException closeCause;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CopyOnWriteArrayList<Consumer<Association>> closeListeners = new CopyOnWriteArrayList<>();

    AssociationLifecycle(Association as, Transport transport, PduOutput out, ConnectionOptions options, boolean requestor) {
        this.as = as;
        this.transport = transport;
        this.out = out;
        this.options = options;
        this.requestor = requestor;
    }

    State state() {
        synchronized (lock) {
            return state;
        }
    }

    IOException closeCause() {
        return closeCause;
    }

    boolean awaitClose(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    void onClose(Consumer<Association> listener) {
        closeListeners.add(listener);
    }

    void ensureCanSend() throws IOException {
        synchronized (lock) {
            if (state == State.CLOSED || state == State.ABORTED || state == State.RELEASE_RP_SENT) {
                IOException c = closeCause;
                throw c != null ? new IOException(c.getMessage(), c) : new IOException("association closed");
            }
        }
    }

    /** A-RELEASE: waits for the A-RELEASE-RP (release collisions handled) up to the ACSE timeout. */
    void release() throws IOException, InterruptedException {
        synchronized (lock) {
            if (state != State.ESTABLISHED) {
                throw new IOException("cannot release in state " + state);
            }
            state = State.AWAITING_RELEASE_RP;
        }
        out.sendControl(ARelease.rq());
        boolean ended = as.callerReads() ? readUntilClosed()
                : closed.await(options.acseTimeout(), TimeUnit.MILLISECONDS);
        if (!ended && closeCause == null) {
            abort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED, null);
            throw new IOException("no A-RELEASE-RP within " + options.acseTimeout() + " ms; aborted");
        }
        if (closeCause != null) {
            throw new IOException("release failed: " + closeCause.getMessage(), closeCause);
        }
    }

    /**
     * Caller-reads mode: reads PDUs on this thread until the A-RELEASE-RP closes the
     * association; false if reading ended before (abort, timeout, connection lost).
     */
    private boolean readUntilClosed() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.acseTimeout());
        while (closed.getCount() > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (left <= 0 || !as.readOne((int) left)) {
                    return closed.getCount() == 0;
                }
            } catch (SocketTimeoutException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sends A-ABORT, fails everything outstanding at once, then lets the reader drain until
     * the peer closes; ARTIM bounds that wait.
     */
    void abort(int source, int reason, Exception cause) {
        AAbort ab = new AAbort(source, reason);
        synchronized (lock) {
            if (state == State.CLOSED || state == State.ABORTED) {
                return;
            }
            state = State.ABORTED;
            closeCause = new AssociationAbortedException("sent " + ab
                    + (cause == null ? "" : ": " + cause.getMessage()), ab, cause);
        }
        LOG.get().log(Level.FINE, "{0}: {1}", new Object[] {as, closeCause.getMessage()});
        failOutstanding(closeCause);
        try {
            out.sendAbort(ab.encode());
        } catch (IOException e) {
            finish(closeCause);
            return;
        }
        IOException c = closeCause;
        Timers.schedule(() -> finish(c), options.artimTimeout());
        if (as.callerReads()) {
            as.drainInBackground();
        }
    }

    void onAbortReceived(AAbort ab) {
        IOException e = new AssociationAbortedException("received " + ab, ab, null);
        synchronized (lock) {
            if (state != State.ABORTED && state != State.CLOSED) {
                closeCause = e;
            }
        }
        finish(closeCause);
    }

    void onReleaseRQ() throws IOException {
        synchronized (lock) {
            switch (state) {
                case ESTABLISHED:
                    peerRequestedRelease = true;
                    break;
                case AWAITING_RELEASE_RP:
                    // Release collision (PS3.8 9.2, Sta9-Sta12): requestor answers first, acceptor waits.
                    state = State.COLLISION_AWAITING_RP;
                    if (requestor) {
                        out.sendControl(ARelease.rp());
                    }
                    return;
                default:
                    throw new PduException(AAbort.UNEXPECTED_PDU, "A-RELEASE-RQ in " + state);
            }
        }
        maybeSendReleaseRP();
    }

    void onReleaseRP() throws IOException {
        synchronized (lock) {
            if (state == State.AWAITING_RELEASE_RP || (state == State.COLLISION_AWAITING_RP && requestor)) {
                state = State.CLOSED;
            } else if (state == State.COLLISION_AWAITING_RP) {
                out.sendControl(ARelease.rp());
                state = State.RELEASE_RP_SENT;
                Timers.schedule(() -> finish(null), options.artimTimeout());
                return;
            } else {
                throw new PduException(AAbort.UNEXPECTED_PDU, "A-RELEASE-RP in " + state);
            }
        }
        closeQuietly();
        signalClosed();
    }

    /** After the peer's A-RELEASE-RQ, answer once every request it made has been answered. */
    void maybeSendReleaseRP() {
        synchronized (lock) {
            if (!peerRequestedRelease || state != State.ESTABLISHED || as.performer.performing() > 0) {
                return;
            }
            try {
                out.sendControl(ARelease.rp());
            } catch (IOException e) {
                LOG.get().log(Level.FINE, "could not send A-RELEASE-RP", e);
            }
            state = State.RELEASE_RP_SENT;
        }
        // The requestor closes the connection; ARTIM bounds the wait (PS3.8 AR-4/Sta13).
        Timers.schedule(() -> finish(null), options.artimTimeout());
    }

    /** A read timed out: abort if idle, keep waiting while operations are outstanding. */
    void onReadTimeout() {
        State s = state();
        if (s == State.ESTABLISHED && (as.invoker.outstanding() > 0 || as.performer.performing() > 0)) {
            return;
        }
        if (s == State.ESTABLISHED || s == State.AWAITING_RELEASE_RP || s == State.COLLISION_AWAITING_RP) {
            abort(AAbort.SOURCE_SERVICE_PROVIDER, AAbort.REASON_NOT_SPECIFIED,
                    new IOException("no PDU for " + options.idleTimeout() + " ms"));
        }
    }

    /** The connection is gone (EOF, error, ARTIM, or normal release end). */
    void finish(IOException cause) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            if (closeCause == null && cause != null) {
                closeCause = cause;
            }
            state = State.CLOSED;
        }
        closeQuietly();
        failOutstanding(closeCause != null ? closeCause : new IOException("association released"));
        signalClosed();
    }

    private void failOutstanding(IOException cause) {
        as.assembler.fail(cause);
        as.invoker.failAll(cause);
        as.performer.cancelAll();
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (IOException ignored) {
            // nothing more to do with a dead socket
        }
    }

    private void signalClosed() {
        if (closed.getCount() > 0) {
            closed.countDown();
            for (Consumer<Association> l : closeListeners) {
                l.accept(as);
            }
        }
    }
}
