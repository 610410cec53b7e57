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

    /**
     * Size in bytes of the numbers a binary value is made of, i.e. the unit whose byte order
     * flips between little and big endian (PS3.5 7.3); 1 when nothing is swapped.
     */
    public int swapUnit() {
        switch (this) {
            case AT: case OW: case SS: case US:
                return 2;
            case FL: case OF: case OL: case SL: case UL:
                return 4;
            case FD: case OD: case OV: case SV: case UV:
                return 8;
            default:
                return 1;
        }
    }

    /** True for the VRs whose value is text (PS3.5 6.2), i.e. everything decoded as a string. */
    public boolean isText() {
        return padding == ' ' || this == UI;
    }

    /**
     * True for the text VRs that Specific Character Set (0008,0005) applies to (PS3.5 6.1.2.3);
     * the other text VRs use the default repertoire only.
     */
    public boolean usesCharacterSet() {
        switch (this) {
            case LO: case LT: case PN: case SH: case ST: case UC: case UT:
                return true;
            default:
                return false;
        }
    }

    /** True when the value may hold several values separated by backslash. */
    public boolean isMultiValuedText() {
        return isText() && this != LT && this != ST && this != UT && this != UR;
    }

    /** The VR for the two bytes read from an explicit-VR header, or null when they name none. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }
}
