package org.arca.dicom.net.dimse;

import org.arca.dicom.net.Association;

/** A C-MOVE-RQ or C-GET-RQ. */
public final class RetrieveRequest extends DimseRequest {
    public RetrieveRequest(Association as, int pcid, Command command, String transferSyntax) {
        super(as, pcid, command, transferSyntax);
    }

    /** Move Destination AE title (C-MOVE only). */
    public String moveDestination() {
        return command().getString(Tag.MOVE_DESTINATION);
    }

    public boolean isMove() {
        return command().commandField() == CommandField.C_MOVE_RQ;
    }
}
