package org.arca.dicomweb.multipart;

import java.io.InputStream;
import java.util.Map;

/**
 * One body part: its number (from 1), its headers (names lower-cased) and its content, which
 * ends at the next boundary delimiter and is only readable until the next part is requested.
 */
public record Part(int number, Map<String, String> headers, InputStream body) {

    /** The part's Content-Type, or {@code defaultType} when it has none. */
    public ContentType contentType(String defaultType) {
        String ct = headers.get("content-type");
        return ContentType.parse(ct != null ? ct : defaultType);
    }
}
