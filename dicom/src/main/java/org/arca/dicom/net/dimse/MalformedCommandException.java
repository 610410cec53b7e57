package org.arca.dicom.net.dimse;

import java.io.IOException;

/** A command set that cannot be decoded; the association is aborted. */
public final class MalformedCommandException extends IOException {
    public MalformedCommandException(String message) {
        super(message);
    }
}
