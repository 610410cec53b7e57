package org.arca.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.logging.Level;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.AAssociateRJ;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.PduException;
import org.arca.dicom.net.pdu.PduInput;
import org.arca.dicom.net.pdu.PduOutput;
import org.arca.dicom.net.pdu.PduType;

/**
 * The acceptor side of one connection (PS3.8 Sta2-Sta3): ARTIM-bounded wait for the
 * A-ASSOCIATE-RQ, negotiation, AC or RJ, then the association's read loop on this thread.
 */
final class AssociationAcceptor implements Runnable {
    private static final LazyLogger LOG = new LazyLogger(AssociationAcceptor.class);

    private final DicomServer server;
    private final SocketChannel channel;

    AssociationAcceptor(DicomServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    @Override
    public void run() {
        ConnectionOptions opts = server.options();
        SocketAddress peer = channel.socket().getRemoteSocketAddress();
        Transport t = null;
        try {
            t = Transport.open(channel, opts, false, opts.artimTimeout());
            t.readTimeout(opts.artimTimeout());
            serve(t, opts, peer);
        } catch (PduException e) {
            LOG.get().log(Level.INFO, "{0}: {1}; sending A-ABORT", new Object[] {peer, e.getMessage()});
            try {
                t.out().write(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, e.abortReason()).encode());
                t.out().flush();
                awaitClose(t.in());
            } catch (IOException ignored) {
                // peer already gone
            }
        } catch (SocketTimeoutException e) {
            LOG.get().log(Level.INFO, "{0}: ARTIM expired before A-ASSOCIATE-RQ", peer);
        } catch (IOException | RuntimeException e) {
            LOG.get().log(Level.FINE, "connection from " + peer + " failed", e);
        } finally {
            try {
                if (t != null) {
                    t.close();
                } else {
                    channel.close();
                }
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Negotiation, then the association's read loop; a PduException means nothing was established. */
    private void serve(Transport t, ConnectionOptions opts, SocketAddress peer) throws IOException {
        PduInput in = new PduInput(t.in());
        PduOutput out = new PduOutput(t.out());
        if (!in.readHeader()) {
            return;
        }
        if (in.type() != PduType.A_ASSOCIATE_RQ) {
            int reason = PduType.isKnown(in.type()) ? AAbort.UNEXPECTED_PDU : AAbort.UNRECOGNIZED_PDU;
            throw new PduException(reason, PduType.name(in.type()) + " instead of A-ASSOCIATE-RQ");
        }
        AAssociateRQ rq = AAssociateRQ.decode(in.readBody());
        boolean reserved = server.tryReserve();
        Negotiation.Outcome o = reserved
                ? Negotiation.negotiate(rq, server.applicationEntities(), server.defaultApplicationEntity(), opts)
                : Negotiation.rejectTransient(AAssociateRJ.LOCAL_LIMIT_EXCEEDED);
        if (o.reject() != null) {
            if (reserved) {
                server.unreserve();
            }
            LOG.get().log(Level.INFO, "{0}: rejected {1}: {2}", new Object[] {peer, rq, o.reject()});
            out.sendControl(o.reject().encode());
            awaitClose(t.in());
            return;
        }
        out.sendControl(o.accept().encode());
        t.readTimeout(opts.idleTimeout());
        Association as = new Association(t, in, out, false, rq, o.accept(), opts, o.ae().handlers(), server.executor());
        try {
            server.opened(as);
            as.runReader();
        } finally {
            as.finish(null);
            server.unreserve();
            server.closed(as);
        }
    }

    /** After RJ or A-ABORT the requestor closes; ARTIM (the socket timeout) bounds the wait. */
    private static void awaitClose(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // timeout or reset: close now
        }
    }
}
