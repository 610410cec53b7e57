package org.arca.dicom.net.dimse;

import org.arca.dicom.net.LazyLogger;

import java.io.IOException;
import java.util.logging.Level;
import org.arca.dicom.net.Association;

/**
 * Performs one incoming request on a handler thread: calls the service's handler and sends
 * the final response (pending ones come from the responders). Exceptions become failure
 * statuses; only a broken association stops a response from being sent.
 */
public final class DimseDispatcher {
    private static final LazyLogger LOG = new LazyLogger(DimseDispatcher.class);

    private DimseDispatcher() {
    }

    /** The request object for a command, so the association can register it for C-CANCEL. */
    public static DimseRequest newRequest(Association as, int pcid, Command cmd, String tsuid) {
        switch (cmd.commandField()) {
            case CommandField.C_STORE_RQ:
                return new StoreRequest(as, pcid, cmd, tsuid);
            case CommandField.C_MOVE_RQ:
            case CommandField.C_GET_RQ:
                return new RetrieveRequest(as, pcid, cmd, tsuid);
            default:
                return new DimseRequest(as, pcid, cmd, tsuid);
        }
    }

    /** Runs a C-STORE whose data set streams in through {@code data}. */
    public static void performStore(ServiceHandlers h, StoreRequest rq, PdvInputStream data) {
        int status;
        String comment = null;
        try {
            Handlers.StoreHandler handler = h.store();
            if (handler == null) {
                status = Status.SOP_CLASS_NOT_SUPPORTED;
            } else {
                status = handler.onStore(rq, data);
            }
        } catch (DicomServiceException e) {
            status = e.status();
            comment = e.getMessage();
        } catch (Exception e) {
            status = Status.OUT_OF_RESOURCES;
            comment = String.valueOf(e.getMessage());
            LOG.get().log(Level.FINE, "C-STORE handler failed", e);
        } finally {
            data.close();
        }
        try {
            // The response must follow the whole data set, even if the handler stopped early.
            data.awaitEnd();
        } catch (IOException e) {
            return;
        }
        respond(rq, response(rq, status, comment), null);
    }

    /** Runs any other request; {@code data} is its (small) data set or null. */
    public static void perform(ServiceHandlers h, DimseRequest rq, byte[] data) {
        Command cmd = rq.command();
        try {
            switch (cmd.commandField()) {
                case CommandField.C_ECHO_RQ:
                    respond(rq, response(rq, h.echo().onEcho(rq), null), null);
                    break;
                case CommandField.C_FIND_RQ:
                    performFind(h, rq, data);
                    break;
                case CommandField.C_MOVE_RQ:
                case CommandField.C_GET_RQ:
                    performRetrieve(h, (RetrieveRequest) rq, data);
                    break;
                case CommandField.N_ACTION_RQ:
                    performN(h.nAction() == null ? null : (r, d) -> h.nAction().onNAction(r, d), rq, data);
                    break;
                case CommandField.N_EVENT_REPORT_RQ:
                    performN(h.nEventReport() == null ? null : (r, d) -> h.nEventReport().onNEventReport(r, d),
                            rq, data);
                    break;
                default:
                    respond(rq, response(rq, Status.UNRECOGNIZED_OPERATION, null), null);
            }
        } catch (DicomServiceException e) {
            respond(rq, response(rq, e.status(), e.getMessage()), null);
        } catch (Exception e) {
            LOG.get().log(Level.FINE, CommandField.name(cmd.commandField()) + " handler failed", e);
            respond(rq, response(rq, Status.PROCESSING_FAILURE, String.valueOf(e.getMessage())), null);
        }
    }

    private static void performFind(ServiceHandlers h, DimseRequest rq, byte[] keys) throws Exception {
        if (h.find() == null) {
            respond(rq, response(rq, Status.UNRECOGNIZED_OPERATION, null), null);
            return;
        }
        int status = h.find().onFind(rq, keys, new FindResponder(rq));
        respond(rq, response(rq, rq.isCancelled() && status == Status.SUCCESS ? Status.CANCEL : status, null), null);
    }

    private static void performRetrieve(ServiceHandlers h, RetrieveRequest rq, byte[] keys) throws Exception {
        RetrieveResponder responder;
        int status;
        if (rq.isMove()) {
            if (h.move() == null) {
                respond(rq, response(rq, Status.UNRECOGNIZED_OPERATION, null), null);
                return;
            }
            responder = new RetrieveResponder(rq);
            status = h.move().onMove(rq, keys, responder);
        } else {
            if (h.get() == null) {
                respond(rq, response(rq, Status.UNRECOGNIZED_OPERATION, null), null);
                return;
            }
            GetResponder gr = new GetResponder(rq);
            responder = gr;
            status = h.get().onGet(rq, keys, gr);
        }
        if (rq.isCancelled() && status == Status.SUCCESS) {
            status = Status.CANCEL;
        }
        byte[] identifier = status == Status.SUCCESS ? null : responder.finalIdentifier;
        respond(rq, responder.withCounts(status, status == Status.CANCEL, identifier != null), identifier);
    }

    private interface NHandler {
        DimseResult handle(DimseRequest rq, byte[] data) throws Exception;
    }

    private static void performN(NHandler handler, DimseRequest rq, byte[] data) throws Exception {
        if (handler == null) {
            respond(rq, response(rq, Status.UNRECOGNIZED_OPERATION, null), null);
            return;
        }
        DimseResult r = handler.handle(rq, data);
        byte[] reply = r.data();
        respond(rq, Commands.response(rq.command(), r.status(), reply != null), reply);
    }

    private static Command response(DimseRequest rq, int status, String comment) {
        Command c = Commands.response(rq.command(), status, false);
        if (comment != null && !comment.isEmpty()) {
            c.setString(Tag.ERROR_COMMENT, comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        return c;
    }

    private static void respond(DimseRequest rq, Command rsp, byte[] data) {
        try {
            rq.association().send(rq.presentationContextID(), rsp, data == null ? null : DataWriter.of(data));
        } catch (IOException e) {
            LOG.get().log(Level.FINE, "could not send " + rsp, e);
        }
    }
}
