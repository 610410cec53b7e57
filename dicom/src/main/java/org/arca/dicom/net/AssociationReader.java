package org.arca.dicom.net;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.logging.Level;
import org.arca.dicom.net.dimse.MalformedCommandException;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.ARelease;
import org.arca.dicom.net.pdu.PDataTF;
import org.arca.dicom.net.pdu.PduException;
import org.arca.dicom.net.pdu.PduInput;
import org.arca.dicom.net.pdu.PduType;

/**
 * The read loop of an established association: one PDU at a time, each checked against the
 * state. A protocol violation sends A-ABORT with the matching reason; after an abort or
 * release the rest of the stream is drained until the peer closes (or ARTIM fires).
 */
final class AssociationReader implements Runnable {
    private static final LazyLogger LOG = new LazyLogger(AssociationReader.class);

    private final Association as;

    AssociationReader(Association as) {
        this.as = as;
    }

    @Override
    public void run() {
        try {
            while (turn()) {
                // one PDU per turn
            }
        } catch (IOException | RuntimeException e) {
            if (fail(e)) {
                drainQuietly();
            }
        }
    }

    /**
     * Ends the association after a failed read: an A-ABORT for a bad PDU or command or a bug
     * here (true: the caller may drain what the peer still sends), the end for a lost connection.
     */
    private boolean fail(Exception e) {
        if (e instanceof PduException p) {
            as.abort(AAbort.SOURCE_SERVICE_PROVIDER, p.abortReason(), p);
        } else if (e instanceof MalformedCommandException) {
            as.abort(AAbort.SOURCE_SERVICE_PROVIDER, AAbort.INVALID_PDU_PARAMETER_VALUE, e);
        } else if (e instanceof IOException) {
            LOG.get().log(Level.FINE, as + ": connection error", e);
            as.finish(as.state() == Association.State.CLOSED ? null
                    : new AssociationAbortedException("connection lost: " + e.getMessage(), null, e));
            return false;
        } else {
            LOG.get().log(Level.WARNING, as + ": reader failed", e);
            as.abort(AAbort.SOURCE_SERVICE_PROVIDER, AAbort.REASON_NOT_SPECIFIED, e);
        }
        return true;
    }

    /**
     * One PDU; false once this thread is done with the association. A method of its own so that
     * the JIT compiles it after a few hundred PDUs: the loop in {@link #run()}, entered once,
     * would stay interpreted for a whole transfer (no on-stack replacement below 60,000 turns).
     */
    private boolean turn() throws IOException {
        Association.State s = as.state();
        if (s == Association.State.CLOSED) {
            return false;
        }
        if (s == Association.State.ABORTED || s == Association.State.RELEASE_RP_SENT) {
            drain();
            return false;
        }
        PduInput in = as.in;
        boolean got;
        try {
            got = in.readHeader();
        } catch (SocketTimeoutException e) {
            as.onReadTimeout(); // may abort; the next turn then drains
            return true;
        }
        if (!got) {
            as.finish(new AssociationAbortedException("connection closed by peer", null, null));
            return false;
        }
        onPdu(in);
        return true;
    }

    /**
     * Caller-reads mode ({@link ConnectionOptions#callerReads()}): reads and handles one PDU on
     * the calling thread. False once nothing more will be read: the association is closed, or
     * aborted (ARTIM then closes the connection; nobody drains it). A socket timeout is the
     * caller's to handle.
     */
    boolean readOne() throws SocketTimeoutException {
        Association.State s = as.state();
        if (s == Association.State.CLOSED || s == Association.State.ABORTED || s == Association.State.RELEASE_RP_SENT) {
            return false;
        }
        PduInput in = as.in;
        try {
            if (!in.readHeader()) {
                as.finish(new AssociationAbortedException("connection closed by peer", null, null));
                return false;
            }
            onPdu(in);
            return true;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            fail(e); // nobody drains here: ARTIM closes an aborted connection
        }
        return false;
    }

    private void onPdu(PduInput in) throws IOException {
        int type = in.type();
        switch (type) {
            case PduType.P_DATA_TF: {
                long max = as.options().maxPduLength();
                if (max != 0 && in.length() > max) {
                    throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
                            "P-DATA-TF of " + in.length() + " bytes exceeds negotiated maximum " + max);
                }
                PDataTF.read(in, in.length(), as.assembler);
                break;
            }
            case PduType.A_RELEASE_RQ:
                ARelease.checkBody(type, in.readBody());
                as.onReleaseRQ();
                break;
            case PduType.A_RELEASE_RP:
                ARelease.checkBody(type, in.readBody());
                as.onReleaseRP();
                break;
            case PduType.A_ABORT:
                as.onAbortReceived(AAbort.decode(in.readBody()));
                break;
            case PduType.A_ASSOCIATE_RQ:
            case PduType.A_ASSOCIATE_AC:
            case PduType.A_ASSOCIATE_RJ:
                throw new PduException(AAbort.UNEXPECTED_PDU, PduType.name(type) + " on an established association");
            default:
                throw new PduException(AAbort.UNRECOGNIZED_PDU, PduType.name(type));
        }
    }

    /** Discards whatever still arrives until the peer closes; the ARTIM timer ends it otherwise. */
    private void drain() throws IOException {
        byte[] buf = new byte[8192];
        while (as.state() != Association.State.CLOSED) {
            try {
                if (as.rawIn.read(buf) < 0) {
                    break;
                }
            } catch (SocketTimeoutException e) {
                // keep draining; ARTIM closes the socket
            }
        }
        as.finish(null);
    }

    void drainQuietly() {
        try {
            drain();
        } catch (IOException e) {
            as.finish(null);
        }
    }
}
