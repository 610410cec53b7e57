package org.arca.dicom.net;

/**
 * Per-connection settings shared by requestor and acceptor: lengths, timers and TLS.
 * All times are milliseconds; 0 disables a timer (never for ARTIM, which bounds every
 * wait for a peer's close or first PDU).
 */
public final class ConnectionOptions {
    /** Arca's Implementation Class UID (a UUID-derived 2.25 UID, PS3.5 B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.252027502800062113151071732339876148324";
    public static final String IMPLEMENTATION_VERSION_NAME = "ARCA_010";

    private long maxPduLength = 65536;
    private int connectTimeout = 10_000;
    private int acseTimeout = 30_000;
    private int dimseTimeout = 0;
    private int artimTimeout = 10_000;
    private int idleTimeout = 0;
    private int maxOpsInvoked = 1;
    private int maxOpsPerformed = 1;
    private int receiveQueueFragments = 8;
    private boolean callerReads;
    private TlsSettings tls;

    /** Maximum P-DATA-TF length we announce and enforce on receive; 0 = unlimited. */
    public long maxPduLength() {
        return maxPduLength;
    }

    public ConnectionOptions maxPduLength(long v) {
        maxPduLength = v;
        return this;
    }

    public int connectTimeout() {
        return connectTimeout;
    }

    public ConnectionOptions connectTimeout(int ms) {
        connectTimeout = ms;
        return this;
    }

    /** Wait for A-ASSOCIATE-AC/RJ and A-RELEASE-RP. */
    public int acseTimeout() {
        return acseTimeout;
    }

    public ConnectionOptions acseTimeout(int ms) {
        acseTimeout = ms;
        return this;
    }

    /** Wait for each DIMSE response (each pending one restarts it); 0 = wait forever. */
    public int dimseTimeout() {
        return dimseTimeout;
    }

    public ConnectionOptions dimseTimeout(int ms) {
        dimseTimeout = ms;
        return this;
    }

    /** ARTIM (PS3.8 9.1.5): wait for the A-ASSOCIATE-RQ after connect, and for the close after release/reject/abort. */
    public int artimTimeout() {
        return artimTimeout;
    }

    public ConnectionOptions artimTimeout(int ms) {
        if (ms <= 0) {
            throw new IllegalArgumentException("ARTIM must be positive");
        }
        artimTimeout = ms;
        return this;
    }

    /** Abort an established association after this long without a PDU and nothing outstanding. */
    public int idleTimeout() {
        return idleTimeout;
    }

    public ConnectionOptions idleTimeout(int ms) {
        idleTimeout = ms;
        return this;
    }

    /** Asynchronous operations window we propose/allow; 1/1 means synchronous (no item sent). */
    public int maxOpsInvoked() {
        return maxOpsInvoked;
    }

    public int maxOpsPerformed() {
        return maxOpsPerformed;
    }

    public ConnectionOptions asyncOpsWindow(int invoked, int performed) {
        maxOpsInvoked = invoked;
        maxOpsPerformed = performed;
        return this;
    }

    /** How many received data set fragments may wait for a slow handler before TCP pushes back. */
    public int receiveQueueFragments() {
        return receiveQueueFragments;
    }

    public ConnectionOptions receiveQueueFragments(int n) {
        receiveQueueFragments = Math.max(1, n);
        return this;
    }

    /**
     * Requestor without a reader thread: PDUs are read by the thread that waits for a response
     * (or for the A-RELEASE-RP), one operation at a time. For an association one thread uses
     * synchronously, such as storescu's: each response wakes one thread instead of two.
     * Nothing is read between operations, so the idle timeout does not apply; requests from
     * the peer (C-STOREs of a C-GET) are received while the operation is outstanding, and the
     * DIMSE timeout bounds the wait for each PDU.
     */
    public boolean callerReads() {
        return callerReads;
    }

    public ConnectionOptions callerReads(boolean v) {
        callerReads = v;
        return this;
    }

    public TlsSettings tls() {
        return tls;
    }

    public ConnectionOptions tls(TlsSettings t) {
        tls = t;
        return this;
    }
}
