package org.arca.dicom.io;

import java.io.IOException;

/**
 * Malformed input: names the element being read and the byte offset of its header
 * (offsets count from the start of the stream; in a deflated data set, from the start of
 * the inflated bytes).
 */
public class DicomParseException extends IOException {

    private final int tag;
    private final long offset;

    public DicomParseException(String message, int tag, long offset) {
        super(String.format("(%04X,%04X) at offset %d: %s", tag >>> 16, tag & 0xFFFF, offset, message));
        this.tag = tag;
        this.offset = offset;
    }

    /** Tag of the element whose header or value is malformed. */
    public int tag() {
        return tag;
    }

    /** Byte offset of that element's header. */
    public long offset() {
        return offset;
    }
}
