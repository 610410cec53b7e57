package org.arca.dicom.json;

import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns a bulk data URI met while reading JSON or XML into the element's value: a
 * {@code byte[]} (in little-endian byte order), a {@link BulkData} or {@link Fragments}.
 * E.g. STOW-RS with JSON metadata resolves each URI to a part of the multipart request.
 */
@FunctionalInterface
public interface BulkDataResolver {

    Object resolve(ElementPath path, VR vr, String uri) throws IOException;

    /**
     * Reads back what {@link BulkDataPolicy#references()} wrote: {@code uri?offset=n&length=n}
     * (and {@code &endian=big} for bytes in big-endian order) becomes a {@link BulkData}.
     * Any other URI is an error: the caller must say how to resolve it.
     */
    static BulkDataResolver references() {
        return (path, vr, uri) -> parseReference(uri);
    }

    /** The URI that {@link #references()} reads back as {@code b}. */
    static String reference(BulkData b) {
        return b.uri() + "?offset=" + b.offset() + "&length=" + b.length() + (b.bigEndian() ? "&endian=big" : "");
    }

    private static BulkData parseReference(String uri) throws IOException {
        int q = uri.lastIndexOf('?');
        long offset = -1;
        long length = -1;
        boolean bigEndian = false;
        if (q > 0) {
            for (String param : uri.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                String name = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : param.substring(eq + 1);
                try {
                    switch (name) {
                        case "offset" -> offset = Long.parseLong(value);
                        case "length" -> length = Long.parseLong(value);
                        case "endian" -> bigEndian = value.equals("big");
                        default -> { }
                    }
                } catch (NumberFormatException e) {
                    throw new IOException("bad bulk data reference " + uri, e);
                }
            }
        }
        if (offset < 0 || length < 0) {
            throw new IOException("no resolver for bulk data URI " + uri);
        }
        try {
            return new BulkData(new URI(uri.substring(0, q)), offset, length, bigEndian);
        } catch (URISyntaxException e) {
            throw new IOException("bad bulk data URI " + uri, e);
        }
    }
}
