package org.arca.dicom.net;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.arca.dicom.net.dimse.Command;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.DimseTimeoutException;
import org.arca.dicom.net.pdu.AAbort;

/**
 * The invoking side of DIMSE on one association: message IDs, the outstanding requests
 * waiting for responses (routed by Message ID Being Responded To), the asynchronous
 * operations window and the DIMSE timeout.
 */
final class DimseInvoker {
    private record Outstanding(int pcid, BlockingQueue<Object> responses) {
    }

    private final Association as;
    private final Semaphore window;
    private final AtomicInteger lastMessageID = new AtomicInteger();
    private final Map<Integer, Outstanding> outstanding = new ConcurrentHashMap<>();

    /** {@code maxInvoked} 0 = no window enforced here (unlimited, or sub-operations of the acceptor). */
    DimseInvoker(Association as, int maxInvoked) {
        this.as = as;
        this.window = maxInvoked > 0 ? new Semaphore(maxInvoked) : null;
    }

    int nextMessageID() {
        int id;
        do {
            id = lastMessageID.incrementAndGet() & 0xFFFF;
        } while (id == 0 || outstanding.containsKey(id));
        return id;
    }

    int outstanding() {
        return outstanding.size();
    }

    int presentationContextOf(int messageID) {
        Outstanding o = outstanding.get(messageID);
        return o == null ? -1 : o.pcid();
    }

    /** Reader thread: hands a response to its waiting invoker; false if nobody waits for it. */
    boolean deliver(DimseResponse rsp) {
        Outstanding o = outstanding.get(rsp.messageIDBeingRespondedTo());
        if (o == null) {
            return false;
        }
        o.responses().add(rsp);
        return true;
    }

    void failAll(IOException cause) {
        for (Outstanding o : outstanding.values()) {
            o.responses().add(cause);
        }
    }

    /**
     * Caller-reads mode: reads PDUs on this thread until the operation's queue holds a response
     * or the failure of the association; null when {@code timeout} ms pass without a PDU.
     */
    private Object readResponse(BlockingQueue<Object> q, int timeout) throws IOException {
        Object r;
        while ((r = q.poll()) == null) {
            try {
                if (!as.readOne(timeout)) {
                    r = q.poll();
                    IOException cause = as.closeCause();
                    return r != null ? r : cause != null ? cause : new IOException("association closed");
                }
            } catch (SocketTimeoutException e) {
                return null;
            }
        }
        return r;
    }

    DimseResponse invoke(int pcid, Command request, DataWriter data, Consumer<DimseResponse> onPending)
            throws IOException, InterruptedException {
        if (window != null) {
            window.acquire();
        }
        int id = request.messageID();
        BlockingQueue<Object> q = new LinkedBlockingQueue<>();
        outstanding.put(id, new Outstanding(pcid, q));
        try {
            as.send(pcid, request, data);
            while (true) {
                int timeout = as.options().dimseTimeout();
                Object r = as.callerReads() ? readResponse(q, timeout)
                        : timeout > 0 ? q.poll(timeout, TimeUnit.MILLISECONDS) : q.take();
                if (r == null) {
                    as.abort(AAbort.SOURCE_SERVICE_USER, AAbort.REASON_NOT_SPECIFIED, null);
                    throw new DimseTimeoutException("no response to " + request + " within " + timeout + " ms");
                }
                if (r instanceof IOException) {
                    IOException e = (IOException) r;
                    throw new IOException(e.getMessage(), e);
                }
                DimseResponse rsp = (DimseResponse) r;
                if (!rsp.isPending()) {
                    return rsp;
                }
                if (onPending != null) {
                    onPending.accept(rsp);
                }
            }
        } finally {
            outstanding.remove(id);
            if (window != null) {
                window.release();
            }
        }
    }
}
