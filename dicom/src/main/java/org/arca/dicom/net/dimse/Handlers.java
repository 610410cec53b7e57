package org.arca.dicom.net.dimse;

import java.io.InputStream;

/**
 * One handler interface per DIMSE service, in the manner of event handlers: the library does
 * the protocol (responses, cancel, counts), the handler does the work and returns a status.
 * A handler may throw {@link DicomServiceException} to answer with a specific status and
 * error comment; any other exception is answered with 0110 (processing failure), for C-STORE
 * with A700 (out of resources).
 */
public final class Handlers {
    private Handlers() {
    }

    @FunctionalInterface
    public interface EchoHandler {
        int onEcho(DimseRequest rq) throws Exception;
    }

    /** Must consume {@code data} (or stop early and fail); the response is sent after the whole data set arrived. */
    @FunctionalInterface
    public interface StoreHandler {
        int onStore(StoreRequest rq, InputStream data) throws Exception;
    }

    @FunctionalInterface
    public interface FindHandler {
        int onFind(DimseRequest rq, byte[] keys, FindResponder responder) throws Exception;
    }

    @FunctionalInterface
    public interface MoveHandler {
        int onMove(RetrieveRequest rq, byte[] keys, RetrieveResponder responder) throws Exception;
    }

    @FunctionalInterface
    public interface GetHandler {
        int onGet(RetrieveRequest rq, byte[] keys, GetResponder responder) throws Exception;
    }

    @FunctionalInterface
    public interface NActionHandler {
        DimseResult onNAction(DimseRequest rq, byte[] actionInformation) throws Exception;
    }

    @FunctionalInterface
    public interface NEventReportHandler {
        DimseResult onNEventReport(DimseRequest rq, byte[] eventInformation) throws Exception;
    }
}
