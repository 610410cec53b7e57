package org.arca.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
        Socket plain = new Socket();
        Socket s = plain;
        try {
            plain.connect(new InetSocketAddress(host, port), opts.connectTimeout());
            s = SocketSetup.prepare(plain, opts, true, opts.acseTimeout());
            InputStream raw = SocketSetup.input(s);
            PduInput in = new PduInput(raw);
            PduOutput out = new PduOutput(SocketSetup.output(s));
            out.sendControl(rq.encode());
            s.setSoTimeout(opts.acseTimeout());
            if (!in.readHeader()) {
                throw new AssociationAbortedException("connection closed instead of A-ASSOCIATE-AC", null, null);
            }
            switch (in.type()) {
                case PduType.A_ASSOCIATE_AC: {
                    AAssociateAC ac = AAssociateAC.decode(in.readBody());
                    s.setSoTimeout(opts.idleTimeout());
                    Association as = new Association(s, raw, in, out, true, rq, ac, opts, handlers,
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
            s.close();
            throw new AssociationAbortedException("protocol error: " + e.getMessage(),
                    new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, e.abortReason()), e);
        } catch (SocketTimeoutException e) {
            s.close();
            throw new IOException("no answer to A-ASSOCIATE-RQ within " + opts.acseTimeout() + " ms", e);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static void sendAbortQuietly(Socket s, int reason) {
        try {
            s.getOutputStream().write(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reason).encode());
            s.getOutputStream().flush();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
