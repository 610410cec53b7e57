package org.arca.dicom.net.pdu;

/** PDU type codes of PS3.8 section 9.3 (first byte of every PDU). */
public final class PduType {
    public static final int A_ASSOCIATE_RQ = 0x01;
    public static final int A_ASSOCIATE_AC = 0x02;
    public static final int A_ASSOCIATE_RJ = 0x03;
    public static final int P_DATA_TF = 0x04;
    public static final int A_RELEASE_RQ = 0x05;
    public static final int A_RELEASE_RP = 0x06;
    public static final int A_ABORT = 0x07;

    private PduType() {
    }

    public static boolean isKnown(int type) {
        return type >= A_ASSOCIATE_RQ && type <= A_ABORT;
    }

    public static String name(int type) {
        switch (type) {
            case A_ASSOCIATE_RQ: return "A-ASSOCIATE-RQ";
            case A_ASSOCIATE_AC: return "A-ASSOCIATE-AC";
            case A_ASSOCIATE_RJ: return "A-ASSOCIATE-RJ";
            case P_DATA_TF: return "P-DATA-TF";
            case A_RELEASE_RQ: return "A-RELEASE-RQ";
            case A_RELEASE_RP: return "A-RELEASE-RP";
            case A_ABORT: return "A-ABORT";
            default: return String.format("unknown PDU type 0x%02X", type);
        }
    }
}
