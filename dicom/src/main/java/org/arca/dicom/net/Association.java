package org.arca.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.arca.dicom.net.dimse.Command;
import org.arca.dicom.net.dimse.Commands;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.PdvInputStream;
import org.arca.dicom.net.dimse.PdvOutputStream;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.pdu.AAbort;
import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.AsyncOpsWindow;
import org.arca.dicom.net.pdu.PduInput;
import org.arca.dicom.net.pdu.PduOutput;
import org.arca.dicom.net.pdu.UserIdentity;

/**
 * An established association, on either side. One reader thread receives PDUs; requests from
 * the peer run on an executor; DIMSE operations invoked here (echo, store, find, move, get,
 * N-ACTION, N-EVENT-REPORT) block the calling thread until the final response. Thread-safe:
 * several threads may invoke operations at once, within the asynchronous operations window.
 */
public final class Association {
    private static final LazyLogger LOG = new LazyLogger(Association.class);
    public static final String VERIFICATION = "1.2.840.10008.1.1";

    enum State { ESTABLISHED, AWAITING_RELEASE_RP, COLLISION_AWAITING_RP, RELEASE_RP_SENT, ABORTED, CLOSED }

    private final Transport transport;
    private final boolean requestor;
    private final AAssociateRQ rq;
    private final AAssociateAC ac;
    private final ConnectionOptions options;
    final PduInput in;
    final InputStream rawIn;
    final PduOutput out;
    private final AcceptedContexts contexts;
    final MessageAssembler assembler = new MessageAssembler(this);
    final DimsePerformer performer;
    final DimseInvoker invoker;
    private final AssociationLifecycle lifecycle;
    /** Set in caller-reads mode only (requestor with {@link ConnectionOptions#callerReads()}). */
    private final AssociationReader inlineReader;
    private final ReentrantLock readLock = new ReentrantLock();

    Association(Transport transport, PduInput in, PduOutput out, boolean requestor, AAssociateRQ rq,
                AAssociateAC ac, ConnectionOptions options, ServiceHandlers handlers, Executor executor) {
        this.transport = transport;
        this.rawIn = transport.in();
        this.in = in;
        this.out = out;
        this.requestor = requestor;
        this.rq = rq;
        this.ac = ac;
        this.options = options;
        this.performer = new DimsePerformer(this, handlers == null ? new ServiceHandlers() : handlers, executor);
        this.contexts = new AcceptedContexts(rq, ac);
        this.lifecycle = new AssociationLifecycle(this, transport, out, options, requestor);
        out.peerMaxPduLength((requestor ? ac : rq).userInformation().maxPduLength());
        AsyncOpsWindow w = ac.userInformation().asyncOpsWindow();
        int invoke = w == null ? 1 : w.maxOpsInvoked();
        inlineReader = requestor && options.callerReads() ? new AssociationReader(this) : null;
        // caller-reads: one operation at a time, whatever the peer's window allows
        invoker = new DimseInvoker(this, inlineReader != null ? 1 : requestor ? invoke : 0);
    }

    /** Opens an association as requestor; see {@link AssociationRequestor}. */
    public static Association connect(String host, int port, AAssociateRQ rq, ConnectionOptions options,
                                      ServiceHandlers handlers) throws IOException {
        return AssociationRequestor.connect(host, port, rq, options, handlers);
    }

    public static Association connect(String host, int port, AAssociateRQ rq, ConnectionOptions options)
            throws IOException {
        return connect(host, port, rq, options, null);
    }

    // ---- accessors --------------------------------------------------------------------------

    public AAssociateRQ request() {
        return rq;
    }

    public AAssociateAC accept() {
        return ac;
    }

    public boolean isRequestor() {
        return requestor;
    }

    public String callingAET() {
        return rq.callingAET();
    }

    public String calledAET() {
        return rq.calledAET();
    }

    /** The requestor's user identity, if it sent one (acceptor side). */
    public UserIdentity userIdentity() {
        return rq.userInformation().userIdentity();
    }

    public SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    public ConnectionOptions options() {
        return options;
    }

    /** The TLS session when the connection is secured, else null. */
    public javax.net.ssl.SSLSession tlsSession() {
        return transport.tlsSession();
    }

    /** Accepted transfer syntax of a presentation context, null if not accepted. */
    public String transferSyntax(int pcid) {
        return contexts.transferSyntax(pcid);
    }

    public String abstractSyntax(int pcid) {
        return contexts.abstractSyntax(pcid);
    }

    /** First accepted presentation context for the SOP class (and transfer syntax if given), or -1. */
    public int presentationContextFor(String cuid, String tsuid) {
        return contexts.find(cuid, tsuid);
    }

    public boolean isOpen() {
        return lifecycle.state() == State.ESTABLISHED;
    }

    State state() {
        return lifecycle.state();
    }

    /** Why the association ended: null after a normal release, else the abort or connection error. */
    public IOException closeCause() {
        return lifecycle.closeCause();
    }

    public boolean awaitClose(long millis) throws InterruptedException {
        return lifecycle.awaitClose(millis);
    }

    public void onClose(Consumer<Association> listener) {
        lifecycle.onClose(listener);
    }

    // ---- DIMSE operations (SCU role) ----------------------------------------------------------

    public int nextMessageID() {
        return invoker.nextMessageID();
    }

    private int requirePc(String cuid, String tsuid) throws IOException {
        int pcid = presentationContextFor(cuid, tsuid);
        if (pcid < 0) {
            throw new IOException("no accepted presentation context for " + cuid + (tsuid == null ? "" : " / " + tsuid));
        }
        return pcid;
    }

    /** C-ECHO; returns the status. */
    public int echo() throws IOException, InterruptedException {
        int pcid = requirePc(VERIFICATION, null);
        return invoke(pcid, Commands.cEchoRQ(nextMessageID(), VERIFICATION), null, null).status();
    }

    /** C-STORE of a data set encoded in {@code tsuid}. */
    public DimseResponse store(String cuid, String iuid, String tsuid, DataWriter data)
            throws IOException, InterruptedException {
        int pcid = requirePc(cuid, tsuid);
        return invoke(pcid, Commands.cStoreRQ(nextMessageID(), cuid, iuid, Commands.PRIORITY_MEDIUM), data, null);
    }

    /** C-STORE as a sub-operation of a C-MOVE received by this AE. */
    public DimseResponse store(String cuid, String iuid, String tsuid, DataWriter data, String moveOriginatorAET,
                               int moveOriginatorMessageID) throws IOException, InterruptedException {
        int pcid = requirePc(cuid, tsuid);
        return invoke(pcid, Commands.cStoreRQ(nextMessageID(), cuid, iuid, Commands.PRIORITY_MEDIUM,
                moveOriginatorAET, moveOriginatorMessageID), data, null);
    }

    /** C-FIND: keys encoded in the context's transfer syntax; each match goes to {@code onMatch}. */
    public DimseResponse find(String cuid, byte[] keys, Consumer<DimseResponse> onMatch)
            throws IOException, InterruptedException {
        int pcid = requirePc(cuid, null);
        return invoke(pcid, Commands.cFindRQ(nextMessageID(), cuid, Commands.PRIORITY_MEDIUM),
                DataWriter.of(keys), onMatch);
    }

    public DimseResponse move(String cuid, String destination, byte[] keys, Consumer<DimseResponse> onPending)
            throws IOException, InterruptedException {
        int pcid = requirePc(cuid, null);
        return invoke(pcid, Commands.cMoveRQ(nextMessageID(), cuid, Commands.PRIORITY_MEDIUM, destination),
                DataWriter.of(keys), onPending);
    }

    /** C-GET; the instances arrive as C-STOREs handled by this association's store handler. */
    public DimseResponse get(String cuid, byte[] keys, Consumer<DimseResponse> onPending)
            throws IOException, InterruptedException {
        int pcid = requirePc(cuid, null);
        return invoke(pcid, Commands.cGetRQ(nextMessageID(), cuid, Commands.PRIORITY_MEDIUM),
                DataWriter.of(keys), onPending);
    }

    public DimseResponse nAction(String cuid, String iuid, int actionTypeId, byte[] info)
            throws IOException, InterruptedException {
        int pcid = requirePc(cuid, null);
        return invoke(pcid, Commands.nActionRQ(nextMessageID(), cuid, iuid, actionTypeId, info != null),
                info == null ? null : DataWriter.of(info), null);
    }

    public DimseResponse nEventReport(String cuid, String iuid, int eventTypeId, byte[] info)
            throws IOException, InterruptedException {
        int pcid = requirePc(cuid, null);
        return invoke(pcid, Commands.nEventReportRQ(nextMessageID(), cuid, iuid, eventTypeId, info != null),
                info == null ? null : DataWriter.of(info), null);
    }

    /** Sends C-CANCEL-RQ for an outstanding C-FIND/C-MOVE/C-GET of this association. */
    public void cancel(int messageID) throws IOException {
        int pcid = invoker.presentationContextOf(messageID);
        if (pcid > 0) {
            send(pcid, Commands.cCancelRQ(messageID), null);
        }
    }

    /**
     * Sends a request and waits for its final response; pending responses go to
     * {@code onPending}. The DIMSE timeout restarts with every response.
     */
    public DimseResponse invoke(int pcid, Command request, DataWriter data, Consumer<DimseResponse> onPending)
            throws IOException, InterruptedException {
        return invoker.invoke(pcid, request, data, onPending);
    }

    /**
     * Sends one DIMSE message: command then data set, fragmented to the peer's maximum PDU
     * length. Messages from concurrent threads never interleave. A failure while writing the
     * data set leaves the peer with half a message, so it aborts the association.
     */
    public void send(int pcid, Command command, DataWriter data) throws IOException {
        lifecycle.ensureCanSend();
        out.lock();
        try {
            try (PdvOutputStream cmd = new PdvOutputStream(out, pcid, true)) {
                cmd.write(command.encode());
            }
            if (data != null) {
                PdvOutputStream ds = new PdvOutputStream(out, pcid, false);
                data.writeTo(ds);
                ds.close();
            }
        } catch (IOException | RuntimeException e) {
            out.unlock();
            abort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED, e);
            throw e;
        }
        out.unlock();
    }

    // ---- release and abort ------------------------------------------------------------------

    /** A-RELEASE: waits for the A-RELEASE-RP (release collisions handled) up to the ACSE timeout. */
    public void release() throws IOException, InterruptedException {
        lifecycle.release();
    }

    /** A-ABORT as service user. */
    public void abort() {
        abort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED, null);
    }

    /** Sends A-ABORT and fails everything outstanding; see {@link AssociationLifecycle#abort}. */
    void abort(int source, int reason, Exception cause) {
        lifecycle.abort(source, reason, cause);
    }

    // ---- called by the reader thread --------------------------------------------------------

    void onAbortReceived(AAbort ab) {
        lifecycle.onAbortReceived(ab);
    }

    void onReleaseRQ() throws IOException {
        lifecycle.onReleaseRQ();
    }

    void onReleaseRP() throws IOException {
        lifecycle.onReleaseRP();
    }

    /** A read timed out: abort if idle, keep waiting while operations are outstanding. */
    void onReadTimeout() {
        lifecycle.onReadTimeout();
    }

    void onMessage(int pcid, Command cmd, byte[] data) {
        if (cmd.isResponse()) {
            if (!invoker.deliver(new DimseResponse(cmd, data))) {
                LOG.get().log(Level.FINE, "{0}: response to unknown message {1}", new Object[] {this, cmd});
            }
        } else {
            performer.onRequest(pcid, cmd, data);
        }
    }

    void onStoreRequest(int pcid, Command cmd, PdvInputStream data) {
        performer.onStoreRequest(pcid, cmd, data);
    }

    /** Called by the performer when a request from the peer has been answered. */
    void requestPerformed() {
        lifecycle.maybeSendReleaseRP();
    }

    /** The connection is gone (EOF, error, ARTIM, or normal release end). */
    void finish(IOException cause) {
        lifecycle.finish(cause);
    }

    /**
     * Caller-reads mode: reads one PDU on this thread, waiting at most {@code timeoutMillis}
     * (0 = no limit). One reader at a time. False once nothing more will be read.
     */
    boolean readOne(int timeoutMillis) throws IOException {
        readLock.lock();
        try {
            try {
                transport.readTimeout(timeoutMillis);
            } catch (IOException e) {
                // closed meanwhile: the read reports it
            }
            return inlineReader.readOne();
        } finally {
            readLock.unlock();
        }
    }

    boolean callerReads() {
        return inlineReader != null;
    }

    /**
     * Caller-reads mode after an A-ABORT was sent: a thread reads what still arrives until the
     * peer closes (ARTIM bounds it), as the reader thread does, while the caller goes on.
     */
    void drainInBackground() {
        Thread t = new Thread(() -> {
            readLock.lock();
            try {
                inlineReader.drainQuietly();
            } finally {
                readLock.unlock();
            }
        }, "dicom-assoc-" + calledAET() + "-drain");
        t.setDaemon(true);
        t.start();
    }

    void startReader() {
        Thread t = new Thread(new AssociationReader(this), "dicom-assoc-" + calledAET() + "-reader");
        t.setDaemon(true);
        t.start();
    }

    void runReader() {
        new AssociationReader(this).run();
    }

    @Override
    public String toString() {
        return (requestor ? callingAET() + "->" + calledAET() : calledAET() + "<-" + callingAET())
                + "(" + transport.remoteAddress() + ")";
    }
}
