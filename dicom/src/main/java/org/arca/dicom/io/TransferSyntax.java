package org.arca.dicom.io;

import java.util.Map;

/**
 * How a data set is encoded (PS3.5 10): explicit or implicit VR, byte order, deflate, and
 * whether pixel data is encapsulated. The four uncompressed syntaxes are parsed and
 * converted into each other; every other UID is taken as Explicit VR Little Endian with
 * encapsulated pixel data, passed through untouched.
 */
public final class TransferSyntax {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    /** JPIP Referenced (PS3.5 A.6): pixel data is a URL, not encapsulated. */
    private static final TransferSyntax JPIP_REFERENCED =
            new TransferSyntax("1.2.840.10008.1.2.4.94", true, false, false, false);
    private static final TransferSyntax JPIP_REFERENCED_DEFLATE =
            new TransferSyntax("1.2.840.10008.1.2.4.95", true, false, true, false);

    private static final Map<String, TransferSyntax> KNOWN = Map.of(
            IMPLICIT_VR_LITTLE_ENDIAN.uid, IMPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_LITTLE_ENDIAN.uid, EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN.uid, EXPLICIT_VR_BIG_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            JPIP_REFERENCED.uid, JPIP_REFERENCED,
            JPIP_REFERENCED_DEFLATE.uid, JPIP_REFERENCED_DEFLATE);

    private final String uid;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
                           boolean encapsulated) {
        this.uid = uid;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    /** The transfer syntax of a UID; unknown UIDs are compressed (encapsulated) syntaxes. */
    public static TransferSyntax of(String uid) {
        String u = uid.trim();
        TransferSyntax ts = KNOWN.get(u);
        return ts != null ? ts : new TransferSyntax(u, true, false, false, true);
    }

    public String uid() {
        return uid;
    }

    public boolean explicitVR() {
        return explicitVR;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean deflated() {
        return deflated;
    }

    /** True for the compressed syntaxes, whose pixel data is a sequence of fragments. */
    public boolean encapsulated() {
        return encapsulated;
    }

    /** True for the syntaxes this library can convert into each other. */
    public boolean uncompressed() {
        return !encapsulated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax ts && uid.equals(ts.uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return uid;
    }
}
