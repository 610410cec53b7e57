package org.arca.dicom.json;

import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.VR;
import org.arca.dicom.data.Values;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams the bytes of a binary value as InlineBinary wants them (PS3.18 F.2.7, PS3.19 A.1.5):
 * little endian, and encapsulated pixel data as its Value Field, i.e. the items of the Basic
 * Offset Table and the fragments followed by a Sequence Delimitation Item (PS3.5 A.4).
 * Values held as {@link BulkData} are copied from their source in chunks, never whole.
 */
public final class BinaryValues {

    private static final int CHUNK = 48 * 1024; // a multiple of 8 (swap units) and of 3 (base64)

    private BinaryValues() {
    }

    /** Writes {@code value} (byte[], BulkData or Fragments) in little-endian order to {@code out}. */
    public static void copy(VR vr, Object value, boolean bigEndian, OutputStream out) throws IOException {
        if (value instanceof byte[] b) {
            out.write(ValueFormat.littleEndian(vr, b, bigEndian));
        } else if (value instanceof BulkData bd) {
            copy(vr, bd, out);
        } else {
            Fragments f = (Fragments) value;
            for (int i = 0; i < f.size(); i++) {
                itemHeader(out, 0xFFFEE000, f.length(i));
                copy(VR.OB, f.get(i), false, out);
            }
            itemHeader(out, 0xFFFEE0DD, 0);
        }
    }

    private static void copy(VR vr, BulkData bd, OutputStream out) throws IOException {
        int unit = bd.bigEndian() ? vr.swapUnit() : 1;
        byte[] buf = new byte[CHUNK];
        try (InputStream in = bd.openStream()) {
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                Values.swap(buf, 0, n - n % unit, unit);
                out.write(buf, 0, n);
            }
        }
    }

    private static void itemHeader(OutputStream out, int tag, long length) throws IOException {
        byte[] h = new byte[8];
        Values.put(h, 0, 2, tag >>> 16, false);
        Values.put(h, 2, 2, tag & 0xFFFF, false);
        Values.put(h, 4, 4, length, false);
        out.write(h);
    }
}
