package org.arca.dicomweb.wado;

import org.arca.dicom.io.TransferSyntax;

/**
 * Which transfer syntax an instance is sent in (PS3.18 8.7.3.5): as stored for "*" or when the
 * stored one is asked for; converted among the uncompressed syntaxes; with no transfer-syntax
 * parameter, Explicit VR Little Endian for uncompressed objects and the stored syntax for
 * compressed ones (the archive does not decompress). Null: this object cannot be sent so.
 */
final class TransferSyntaxChoice {
    static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private TransferSyntaxChoice() {
    }

    /** @param requested the transfer-syntax parameter, "*", or null when absent */
    static String choose(String requested, String stored) {
        if (requested == null) {
            return uncompressed(stored) ? EXPLICIT_LE : stored;
        }
        if (requested.equals("*") || requested.equals(stored)) {
            return stored;
        }
        return uncompressed(stored) && uncompressed(requested) ? requested : null;
    }

    static boolean uncompressed(String tsuid) {
        try {
            TransferSyntax ts = TransferSyntax.of(tsuid);
            return !ts.encapsulated();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
