package org.arca.dicom.net.dimse;

/** DIMSE status codes (PS3.7 annex C, PS3.4 service classes) used by the archive. */
public final class Status {
    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int WARNING_SUBOPS_FAILED = 0xB000;
    public static final int COERCION_OF_DATA_ELEMENTS = 0xB000;
    public static final int ELEMENTS_DISCARDED = 0xB006;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = 0xB007;
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    public static final int INVALID_OBJECT_INSTANCE = 0x0117;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int MISTYPED_ARGUMENT = 0x0212;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int OUT_OF_RESOURCES_SUBOPS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int UNABLE_TO_PROCESS = 0xC000;

    private Status() {
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }

    public static boolean isSuccess(int status) {
        return status == SUCCESS;
    }

    public static boolean isWarning(int status) {
        return status == 0x0001 || (status & 0xF000) == 0xB000 || status == 0x0107 || status == 0x0116;
    }

    /** Four upper-case hex digits; called per C-STORE, so without java.util.Formatter (regex, interpreted at first). */
    public static String hex(int status) {
        if ((status & ~0xFFFF) != 0) {
            return String.format("%04X", status);
        }
        char[] c = new char[4];
        for (int i = 3; i >= 0; i--, status >>>= 4) {
            c[i] = Character.toUpperCase(Character.forDigit(status & 0xF, 16));
        }
        return new String(c);
    }
}
