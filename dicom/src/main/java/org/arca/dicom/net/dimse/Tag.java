package org.arca.dicom.net.dimse;

/** Command elements of group 0000 (PS3.7 annex E) with the VR each one has in the dictionary. */
public final class Tag {
    public static final int COMMAND_GROUP_LENGTH = 0x00000000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int MOVE_DESTINATION = 0x00000600;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int OFFENDING_ELEMENT = 0x00000901;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int ERROR_ID = 0x00000903;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;
    public static final int EVENT_TYPE_ID = 0x00001002;
    public static final int ATTRIBUTE_IDENTIFIER_LIST = 0x00001005;
    public static final int ACTION_TYPE_ID = 0x00001008;
    public static final int NUMBER_OF_REMAINING_SUBOPERATIONS = 0x00001020;
    public static final int NUMBER_OF_COMPLETED_SUBOPERATIONS = 0x00001021;
    public static final int NUMBER_OF_FAILED_SUBOPERATIONS = 0x00001022;
    public static final int NUMBER_OF_WARNING_SUBOPERATIONS = 0x00001023;
    public static final int MOVE_ORIGINATOR_AE_TITLE = 0x00001030;
    public static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x00001031;

    private Tag() {
    }

    /** Value kinds needed to pad and decode command elements. */
    enum Kind { UL, US, UI, AE, LO, AT, OTHER }

    static Kind kind(int tag) {
        switch (tag) {
            case COMMAND_GROUP_LENGTH:
                return Kind.UL;
            case AFFECTED_SOP_CLASS_UID: case REQUESTED_SOP_CLASS_UID:
            case AFFECTED_SOP_INSTANCE_UID: case REQUESTED_SOP_INSTANCE_UID:
                return Kind.UI;
            case MOVE_DESTINATION: case MOVE_ORIGINATOR_AE_TITLE:
                return Kind.AE;
            case ERROR_COMMENT:
                return Kind.LO;
            case OFFENDING_ELEMENT: case ATTRIBUTE_IDENTIFIER_LIST:
                return Kind.AT;
            case COMMAND_FIELD: case MESSAGE_ID: case MESSAGE_ID_BEING_RESPONDED_TO: case PRIORITY:
            case COMMAND_DATA_SET_TYPE: case STATUS: case ERROR_ID: case EVENT_TYPE_ID: case ACTION_TYPE_ID:
            case NUMBER_OF_REMAINING_SUBOPERATIONS: case NUMBER_OF_COMPLETED_SUBOPERATIONS:
            case NUMBER_OF_FAILED_SUBOPERATIONS: case NUMBER_OF_WARNING_SUBOPERATIONS:
            case MOVE_ORIGINATOR_MESSAGE_ID:
                return Kind.US;
            default:
                return Kind.OTHER;
        }
    }
}
