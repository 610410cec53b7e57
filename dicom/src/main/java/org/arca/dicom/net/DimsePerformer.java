package org.arca.dicom.net;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.arca.dicom.net.dimse.Command;
import org.arca.dicom.net.dimse.CommandField;
import org.arca.dicom.net.dimse.DimseDispatcher;
import org.arca.dicom.net.dimse.DimseRequest;
import org.arca.dicom.net.dimse.PdvInputStream;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.dimse.StoreRequest;
import org.arca.dicom.net.pdu.AAbort;

/**
 * The performing side of DIMSE on one association: requests from the peer go to the handler
 * executor, the reader thread moves on (so it can still see C-CANCEL and stream C-STORE data).
 * Requests in progress are kept by Message ID for C-CANCEL and for release, which waits for them.
 */
final class DimsePerformer {
    private final Association as;
    private final ServiceHandlers handlers;
    private final Executor executor;
    private final Map<Integer, DimseRequest> inProgress = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    DimsePerformer(Association as, ServiceHandlers handlers, Executor executor) {
        this.as = as;
        this.handlers = handlers;
        this.executor = executor;
    }

    int performing() {
        return count.get();
    }

    void cancelAll() {
        for (DimseRequest r : inProgress.values()) {
            r.cancel();
        }
    }

    void onRequest(int pcid, Command cmd, byte[] data) {
        if (cmd.commandField() == CommandField.C_CANCEL_RQ) {
            DimseRequest r = inProgress.get(cmd.messageIDBeingRespondedTo());
            if (r != null) {
                r.cancel();
            }
            return;
        }
        DimseRequest r = DimseDispatcher.newRequest(as, pcid, cmd, as.transferSyntax(pcid));
        dispatch(r, () -> DimseDispatcher.perform(handlers, r, data));
    }

    void onStoreRequest(int pcid, Command cmd, PdvInputStream data) {
        StoreRequest r = (StoreRequest) DimseDispatcher.newRequest(as, pcid, cmd, as.transferSyntax(pcid));
        dispatch(r, () -> DimseDispatcher.performStore(handlers, r, data));
    }

    private void dispatch(DimseRequest r, Runnable task) {
        count.incrementAndGet();
        inProgress.put(r.messageID(), r);
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    done(r);
                }
            });
        } catch (RejectedExecutionException e) {
            done(r);
            as.abort(AAbort.SOURCE_SERVICE_PROVIDER, AAbort.REASON_NOT_SPECIFIED, e);
        }
    }

    private void done(DimseRequest r) {
        inProgress.remove(r.messageID());
        count.decrementAndGet();
        as.requestPerformed();
    }
}
