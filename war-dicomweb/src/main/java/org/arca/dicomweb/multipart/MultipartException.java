package org.arca.dicomweb.multipart;

import java.io.IOException;

/** A multipart body that does not follow RFC 2046 (wrong boundary, truncated, bad headers). */
public class MultipartException extends IOException {
    public MultipartException(String message) {
        super(message);
    }
}
