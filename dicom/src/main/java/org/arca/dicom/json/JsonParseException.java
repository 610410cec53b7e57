package org.arca.dicom.json;

import java.io.IOException;

/** Malformed JSON, or JSON that is not a DICOM JSON Model object; names the character offset. */
public final class JsonParseException extends IOException {

    private final long offset;

    public JsonParseException(String message, long offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    /** Offset (in characters) of the token where the problem was found. */
    public long offset() {
        return offset;
    }
}
