package org.arca.dicom.net.dimse;

import org.arca.dicom.net.Association;

/** A C-STORE-RQ; the data set itself is handed to the handler as a stream. */
public final class StoreRequest extends DimseRequest {
    public StoreRequest(Association as, int pcid, Command command, String transferSyntax) {
        super(as, pcid, command, transferSyntax);
    }

    /** AE title of the C-MOVE originator when this store is a move sub-operation, else null. */
    public String moveOriginatorAET() {
        return command().getString(Tag.MOVE_ORIGINATOR_AE_TITLE);
    }

    public int moveOriginatorMessageID() {
        return command().getInt(Tag.MOVE_ORIGINATOR_MESSAGE_ID, -1);
    }
}
