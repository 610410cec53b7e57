package org.arca.dicom.net.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds tiny data sets (query identifiers) as bytes in Implicit or Explicit VR Little Endian,
 * so the network tests need no data model. Elements must be added in tag order.
 */
public final class Identifiers {
    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private final boolean explicit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Identifiers(String transferSyntax) {
        if (!IMPLICIT_LE.equals(transferSyntax) && !EXPLICIT_LE.equals(transferSyntax)) {
            throw new IllegalArgumentException("test identifiers only in implicit/explicit LE: " + transferSyntax);
        }
        explicit = EXPLICIT_LE.equals(transferSyntax);
    }

    public Identifiers add(int tag, String vr, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        if ((v.length & 1) != 0) {
            byte[] p = new byte[v.length + 1];
            System.arraycopy(v, 0, p, 0, v.length);
            p[v.length] = (byte) ("UI".equals(vr) ? 0 : ' ');
            v = p;
        }
        le16(tag >>> 16);
        le16(tag & 0xFFFF);
        if (explicit) {
            out.write(vr.charAt(0));
            out.write(vr.charAt(1));
            le16(v.length);
        } else {
            le16(v.length);
            le16(0);
        }
        out.write(v, 0, v.length);
        return this;
    }

    private void le16(int v) {
        out.write(v);
        out.write(v >> 8);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
