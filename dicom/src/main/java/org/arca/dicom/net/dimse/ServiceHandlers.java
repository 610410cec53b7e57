package org.arca.dicom.net.dimse;

import org.arca.dicom.net.dimse.Handlers.EchoHandler;
import org.arca.dicom.net.dimse.Handlers.FindHandler;
import org.arca.dicom.net.dimse.Handlers.GetHandler;
import org.arca.dicom.net.dimse.Handlers.MoveHandler;
import org.arca.dicom.net.dimse.Handlers.NActionHandler;
import org.arca.dicom.net.dimse.Handlers.NEventReportHandler;
import org.arca.dicom.net.dimse.Handlers.StoreHandler;

/**
 * The handlers an AE offers. C-ECHO answers success unless replaced; a missing handler makes
 * the request fail with "unrecognized operation"/"SOP class not supported".
 */
public final class ServiceHandlers {
    private volatile EchoHandler echo = rq -> Status.SUCCESS;
    private volatile StoreHandler store;
    private volatile FindHandler find;
    private volatile MoveHandler move;
    private volatile GetHandler get;
    private volatile NActionHandler nAction;
    private volatile NEventReportHandler nEventReport;

    public ServiceHandlers onEcho(EchoHandler h) {
        echo = h;
        return this;
    }

    public ServiceHandlers onStore(StoreHandler h) {
        store = h;
        return this;
    }

    public ServiceHandlers onFind(FindHandler h) {
        find = h;
        return this;
    }

    public ServiceHandlers onMove(MoveHandler h) {
        move = h;
        return this;
    }

    public ServiceHandlers onGet(GetHandler h) {
        get = h;
        return this;
    }

    public ServiceHandlers onNAction(NActionHandler h) {
        nAction = h;
        return this;
    }

    public ServiceHandlers onNEventReport(NEventReportHandler h) {
        nEventReport = h;
        return this;
    }

    EchoHandler echo() {
        return echo;
    }

    StoreHandler store() {
        return store;
    }

    FindHandler find() {
        return find;
    }

    MoveHandler move() {
        return move;
    }

    GetHandler get() {
        return get;
    }

    NActionHandler nAction() {
        return nAction;
    }

    NEventReportHandler nEventReport() {
        return nEventReport;
    }
}
