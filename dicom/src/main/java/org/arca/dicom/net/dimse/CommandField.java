package org.arca.dicom.net.dimse;

/** Command Field (0000,0100) values, PS3.7 annex E. Responses have bit 15 set. */
public final class CommandField {
    public static final int C_STORE_RQ = 0x0001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int C_CANCEL_RQ = 0x0FFF;
    public static final int RESPONSE = 0x8000;

    private CommandField() {
    }

    public static boolean isResponse(int field) {
        return (field & RESPONSE) != 0;
    }

    public static String name(int field) {
        String base;
        switch (field & ~RESPONSE) {
            case C_STORE_RQ: base = "C-STORE"; break;
            case C_GET_RQ: base = "C-GET"; break;
            case C_FIND_RQ: base = "C-FIND"; break;
            case C_MOVE_RQ: base = "C-MOVE"; break;
            case C_ECHO_RQ: base = "C-ECHO"; break;
            case N_EVENT_REPORT_RQ: base = "N-EVENT-REPORT"; break;
            case N_GET_RQ: base = "N-GET"; break;
            case N_SET_RQ: base = "N-SET"; break;
            case N_ACTION_RQ: base = "N-ACTION"; break;
            case N_CREATE_RQ: base = "N-CREATE"; break;
            case N_DELETE_RQ: base = "N-DELETE"; break;
            case C_CANCEL_RQ: return "C-CANCEL-RQ";
            default: return String.format("command 0x%04X", field);
        }
        return base + (isResponse(field) ? "-RSP" : "-RQ");
    }
}
