package org.arca.dicom.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRJ;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.AsyncOpsWindow;
import org.arca.dicom.net.pdu.PduException;
import org.arca.dicom.net.pdu.PduInput;
import org.arca.dicom.net.pdu.PduOutput;
import org.arca.dicom.net.pdu.PduType;
import org.arca.dicom.net.pdu.UserInformation;

/** The requestor side of association establishment (PS3.8 Sta4-Sta5). */
final class AssociationRequestor {
    private AssociationRequestor() {
    }

    static Association connect(String host, int port, AAssociateRQ rq, ConnectionOptions opts,
                               ServiceHandlers handlers) throws IOException {
        UserInformation ui = rq.userInformation();
        ui.maxPduLength(opts.maxPduLength());
        if (ui.implClassUID() == null) {
            ui.implClassUID(ConnectionOptions.IMPLEMENTATION_CLASS_UID);
            ui.implVersionName(ConnectionOptions.IMPLEMENTATION_VERSION_NAME);
        }
        if (ui.asyncOpsWindow() == null && (opts.maxOpsInvoked() != 1 || opts.maxOpsPerformed() != 1)) {
            ui.asyncOpsWindow(new AsyncOpsWindow(opts.maxOpsInvoked(), opts.maxOpsPerformed()));
        }
        SocketChannel ch = SocketChannel.open();
        Transport s = null;
        try {
            ch.socket().connect(new InetSocketAddress(host, port), opts.connectTimeout());
            s = Transport.open(ch, opts, true, opts.acseTimeout());
            PduInput in = new PduInput(s.in());
            PduOutput out = new PduOutput(s.out());
            out.sendControl(rq.encode());
            s.readTimeout(opts.acseTimeout());
            if (!in.readHeader()) {
                throw new AssociationAbortedException("connection closed instead of A-ASSOCIATE-AC", null, null);
            }
            switch (in.type()) {
                case PduType.A_ASSOCIATE_AC: {
                    AAssociateAC ac = AAssociateAC.decode(in.readBody());
                    s.readTimeout(opts.idleTimeout());
                    Association as = new Association(s, in, out, true, rq, ac, opts, handlers,
                            DicomServer.SCU_EXECUTOR);
                    if (!opts.callerReads()) {
                        as.startReader();
                    }
                    return as;
                }
                case PduType.A_ASSOCIATE_RJ:
                    throw new AssociationRejectedException(AAssociateRJ.decode(in.readBody()));
                case PduType.A_ABORT:
                    AAbort ab = AAbort.decode(in.readBody());
                    throw new AssociationAbortedException("received " + ab, ab, null);
                default:
                    int reason = PduType.isKnown(in.type()) ? AAbort.UNEXPECTED_PDU : AAbort.UNRECOGNIZED_PDU;
                    throw new PduException(reason, PduType.name(in.type()) + " instead of A-ASSOCIATE-AC");
            }
        } catch (PduException e) {
            sendAbortQuietly(s, e.abortReason());
            close(s, ch);
            throw new AssociationAbortedException("protocol error: " + e.getMessage(),
                    new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, e.abortReason()), e);
        } catch (SocketTimeoutException e) {
            close(s, ch);
            throw new IOException("no answer to A-ASSOCIATE-RQ within " + opts.acseTimeout() + " ms", e);
        } catch (IOException | RuntimeException e) {
            close(s, ch);
            throw e;
        }
    }

    private static void close(Transport t, SocketChannel ch) throws IOException {
        if (t != null) {
            t.close();
        } else {
            ch.close();
        }
    }

    private static void sendAbortQuietly(Transport s, int reason) {
        try {
            s.out().write(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reason).encode());
            s.out().flush();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
