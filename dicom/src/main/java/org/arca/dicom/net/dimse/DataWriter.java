package org.arca.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a data set, already in the presentation context's transfer syntax, to the wire. */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out) throws IOException;

    static DataWriter of(byte[] bytes) {
        return out -> out.write(bytes);
    }

    static DataWriter of(java.io.InputStream in) {
        return in::transferTo;
    }
}
