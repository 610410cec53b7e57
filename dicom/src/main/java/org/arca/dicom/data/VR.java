package org.arca.dicom.data;

/**
 * Value Representations of PS3.5 section 6.2. The enum carries what encoding needs:
 * the two-character code, whether the explicit-VR header uses the long form
 * (2 reserved bytes and a 32-bit length), and the byte used to pad odd values.
 */
public enum VR {
    AE(false, ' '), AS(false, ' '), AT(false, 0), CS(false, ' '), DA(false, ' '),
    DS(false, ' '), DT(false, ' '), FD(false, 0), FL(false, 0), IS(false, ' '),
    LO(false, ' '), LT(false, ' '), OB(true, 0), OD(true, 0), OF(true, 0),
    OL(true, 0), OV(true, 0), OW(true, 0), PN(false, ' '), SH(false, ' '),
    SL(false, 0), SQ(true, 0), SS(false, 0), ST(false, ' '), SV(true, 0),
    TM(false, ' '), UC(true, ' '), UI(false, 0), UL(false, 0), UN(true, 0),
    UR(true, ' '), US(false, 0), UT(true, ' '), UV(true, 0);

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code()] = vr;
        }
    }

    private final boolean longHeader;
    private final byte padding;

    VR(boolean longHeader, int padding) {
        this.longHeader = longHeader;
        this.padding = (byte) padding;
    }

    /** The two ASCII characters as a 16-bit big-endian number, as they appear on the wire. */
    public int code() {
        return (name().charAt(0) << 8) | name().charAt(1);
    }

    /** True when the explicit-VR element header has 2 reserved bytes and a 4-byte length. */
    public boolean longHeader() {
        return longHeader;
    }

    /** The byte that pads a value to even length: space for text VRs, NUL otherwise. */
    public byte padding() {
        return padding;
    }

    /** The VR for the two bytes read from an explicit-VR header, or null when they name none. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }
}
