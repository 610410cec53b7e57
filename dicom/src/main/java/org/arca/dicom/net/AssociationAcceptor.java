package org.arca.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
    private final Socket plain;

    AssociationAcceptor(DicomServer server, Socket plain) {
        this.server = server;
        this.plain = plain;
    }

    @Override
    public void run() {
        ConnectionOptions opts = server.options();
        Socket s = plain;
        try {
            s = SocketSetup.prepare(plain, opts, false, opts.artimTimeout());
            s.setSoTimeout(opts.artimTimeout());
            InputStream raw = SocketSetup.input(s);
            PduInput in = new PduInput(raw);
            PduOutput out = new PduOutput(SocketSetup.output(s));
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
                LOG.get().log(Level.INFO, "{0}: rejected {1}: {2}", new Object[] {s.getRemoteSocketAddress(), rq, o.reject()});
                out.sendControl(o.reject().encode());
                awaitClose(raw);
                return;
            }
            out.sendControl(o.accept().encode());
            s.setSoTimeout(opts.idleTimeout());
            Association as = new Association(s, raw, in, out, false, rq, o.accept(), opts,
                    o.ae().handlers(), server.executor());
            try {
                server.opened(as);
                as.runReader();
            } finally {
                as.finish(null);
                server.unreserve();
                server.closed(as);
            }
        } catch (PduException e) {
            LOG.get().log(Level.INFO, "{0}: {1}; sending A-ABORT", new Object[] {s.getRemoteSocketAddress(), e.getMessage()});
            try {
                s.getOutputStream().write(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, e.abortReason()).encode());
                s.getOutputStream().flush();
                awaitClose(s.getInputStream());
            } catch (IOException ignored) {
                // peer already gone
            }
        } catch (SocketTimeoutException e) {
            LOG.get().log(Level.INFO, "{0}: ARTIM expired before A-ASSOCIATE-RQ", s.getRemoteSocketAddress());
        } catch (IOException | RuntimeException e) {
            LOG.get().log(Level.FINE, "connection from " + s.getRemoteSocketAddress() + " failed", e);
        } finally {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
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
