package org.arca.dicom.net.dimse;

/** Builders for the request and response command sets of PS3.7 chapters 9 and 10. */
public final class Commands {
    public static final int PRIORITY_MEDIUM = 0;
    public static final int PRIORITY_HIGH = 1;
    public static final int PRIORITY_LOW = 2;

    private Commands() {
    }

    private static Command rq(int field, int msgId, String cuid, boolean data) {
        return new Command().setInt(Tag.COMMAND_FIELD, field).setInt(Tag.MESSAGE_ID, msgId)
                .setString(Tag.AFFECTED_SOP_CLASS_UID, cuid).hasDataSet(data);
    }

    public static Command cEchoRQ(int msgId, String cuid) {
        return rq(CommandField.C_ECHO_RQ, msgId, cuid, false);
    }

    public static Command cStoreRQ(int msgId, String cuid, String iuid, int priority) {
        return rq(CommandField.C_STORE_RQ, msgId, cuid, true).setInt(Tag.PRIORITY, priority)
                .setString(Tag.AFFECTED_SOP_INSTANCE_UID, iuid);
    }

    /** C-STORE sub-operation of a C-MOVE, carrying the move originator (PS3.7 9.3.1.1). */
    public static Command cStoreRQ(int msgId, String cuid, String iuid, int priority,
                                   String moveOriginatorAET, int moveOriginatorMsgId) {
        return cStoreRQ(msgId, cuid, iuid, priority)
                .setString(Tag.MOVE_ORIGINATOR_AE_TITLE, moveOriginatorAET)
                .setInt(Tag.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMsgId);
    }

    public static Command cFindRQ(int msgId, String cuid, int priority) {
        return rq(CommandField.C_FIND_RQ, msgId, cuid, true).setInt(Tag.PRIORITY, priority);
    }

    public static Command cMoveRQ(int msgId, String cuid, int priority, String destination) {
        return rq(CommandField.C_MOVE_RQ, msgId, cuid, true).setInt(Tag.PRIORITY, priority)
                .setString(Tag.MOVE_DESTINATION, destination);
    }

    public static Command cGetRQ(int msgId, String cuid, int priority) {
        return rq(CommandField.C_GET_RQ, msgId, cuid, true).setInt(Tag.PRIORITY, priority);
    }

    public static Command cCancelRQ(int msgIdBeingRespondedTo) {
        return new Command().setInt(Tag.COMMAND_FIELD, CommandField.C_CANCEL_RQ)
                .setInt(Tag.MESSAGE_ID_BEING_RESPONDED_TO, msgIdBeingRespondedTo).hasDataSet(false);
    }

    public static Command nActionRQ(int msgId, String cuid, String iuid, int actionTypeId, boolean data) {
        return new Command().setInt(Tag.COMMAND_FIELD, CommandField.N_ACTION_RQ).setInt(Tag.MESSAGE_ID, msgId)
                .setString(Tag.REQUESTED_SOP_CLASS_UID, cuid).setString(Tag.REQUESTED_SOP_INSTANCE_UID, iuid)
                .setInt(Tag.ACTION_TYPE_ID, actionTypeId).hasDataSet(data);
    }

    public static Command nEventReportRQ(int msgId, String cuid, String iuid, int eventTypeId, boolean data) {
        return rq(CommandField.N_EVENT_REPORT_RQ, msgId, cuid, data)
                .setString(Tag.AFFECTED_SOP_INSTANCE_UID, iuid).setInt(Tag.EVENT_TYPE_ID, eventTypeId);
    }

    /** The response to {@code rq} with {@code status}; identifying fields copied as PS3.7 requires. */
    public static Command response(Command rq, int status, boolean data) {
        int field = rq.commandField() | CommandField.RESPONSE;
        Command rsp = new Command().setInt(Tag.COMMAND_FIELD, field)
                .setInt(Tag.MESSAGE_ID_BEING_RESPONDED_TO, rq.messageID()).hasDataSet(data)
                .setInt(Tag.STATUS, status);
        String cuid = rq.sopClassUID();
        if (cuid != null) {
            rsp.setString(Tag.AFFECTED_SOP_CLASS_UID, cuid);
        }
        String iuid = rq.sopInstanceUID();
        if (iuid != null) {
            rsp.setString(Tag.AFFECTED_SOP_INSTANCE_UID, iuid);
        }
        if (rq.contains(Tag.ACTION_TYPE_ID)) {
            rsp.setInt(Tag.ACTION_TYPE_ID, rq.getInt(Tag.ACTION_TYPE_ID, 0));
        }
        if (rq.contains(Tag.EVENT_TYPE_ID)) {
            rsp.setInt(Tag.EVENT_TYPE_ID, rq.getInt(Tag.EVENT_TYPE_ID, 0));
        }
        return rsp;
    }
}
