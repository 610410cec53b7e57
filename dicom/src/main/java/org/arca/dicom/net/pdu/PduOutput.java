package org.arca.dicom.net.pdu;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending half of a connection. A lock serialises whole DIMSE messages (PDVs of
 * different messages must not interleave); each single PDU is written under this object's
 * monitor, so an A-ABORT can still go out between two PDUs of a message in progress. One
 * reusable buffer, sized to the peer's maximum PDU length, holds each outgoing P-DATA-TF so
 * a PDU leaves in a single write.
 */
public final class PduOutput {
    /** Used when the peer announces 0 (no limit): large PDUs, bounded memory. */
    public static final int UNLIMITED_CAP = 1 << 20;
    /** Smallest PDU we fragment to, whatever the peer says (room for the PDV header and data). */
    private static final int MIN_PDU = 64;

    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private byte[] buf = new byte[4096 + PDataTF.PDU_HEADER_LENGTH];
    private int maxPayload = 4096 - PDataTF.PDV_HEADER_LENGTH;

    public PduOutput(OutputStream out) {
        this.out = out;
    }

    /** Applies the peer's Maximum Length (variable field of P-DATA-TF; 0 = unlimited). */
    public void peerMaxPduLength(long peerMax) {
        long pdu = peerMax == 0 || peerMax > UNLIMITED_CAP ? UNLIMITED_CAP : Math.max(MIN_PDU, peerMax);
        maxPayload = (int) pdu - PDataTF.PDV_HEADER_LENGTH;
        buf = new byte[(int) pdu + PDataTF.PDU_HEADER_LENGTH];
    }

    public int maxPayload() {
        return maxPayload;
    }

    /** Buffer whose bytes from {@link #PAYLOAD_OFFSET} on are the next fragment. */
    public byte[] buffer() {
        return buf;
    }

    public static final int PAYLOAD_OFFSET = PDataTF.PDU_HEADER_LENGTH + PDataTF.PDV_HEADER_LENGTH;

    public void lock() {
        lock.lock();
    }

    public void unlock() {
        lock.unlock();
    }

    /** Sends the fragment in the buffer as one P-DATA-TF with one PDV; caller holds the lock. */
    public void sendFragment(int pcid, int controlHeader, int len) throws IOException {
        PDataTF.putHeaders(buf, pcid, controlHeader, len);
        synchronized (this) {
            out.write(buf, 0, PAYLOAD_OFFSET + len);
            out.flush();
        }
    }

    /** Sends a complete control PDU (association, release, abort) atomically. */
    public void sendControl(byte[] pdu) throws IOException {
        lock.lock();
        try {
            synchronized (this) {
                out.write(pdu);
                out.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends A-ABORT at the next PDU boundary, even while a message is being written. */
    public synchronized void sendAbort(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }
}
