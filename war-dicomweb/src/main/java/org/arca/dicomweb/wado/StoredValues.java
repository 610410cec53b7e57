package org.arca.dicomweb.wado;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.io.DicomInputStream;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.web.StoredObject;

/**
 * Values of one stored object by element path (7FE00010, 00540016/0/00181072): the object is
 * parsed once with every binary value of 64 bytes or more left in place as a reference
 * (offset, length), and those bytes are then streamed from storage, never loaded.
 */
final class StoredValues {
    private static final URI OBJECT = URI.create("urn:arca:stored-object");

    private final Storage storage;
    private final StoredObject object;
    private final Attributes dataset;

    StoredValues(Storage storage, StoredObject object) throws IOException {
        this.storage = storage;
        this.object = object;
        try (InputStream in = storage.open(object.location().storagePath());
             DicomInputStream din = new DicomInputStream(in)) {
            din.setBulkDataURI(OBJECT).setBulkDataThreshold(64);
            din.readFileMetaInformation();
            dataset = din.readDataset();
        }
    }

    String transferSyntaxUID() {
        return object.location().transferSyntaxUID();
    }

    Attributes dataset() {
        return dataset;
    }

    /** The value at {@code path}: byte[], BulkData or Fragments; null when there is none. */
    Object value(String path) {
        String[] steps = path.split("/");
        Attributes a = dataset;
        try {
            for (int i = 0; i < steps.length - 1; i += 2) {
                Sequence seq = a.getSequence((int) Long.parseLong(steps[i], 16));
                int item = Integer.parseInt(steps[i + 1]);
                if (seq == null || item >= seq.size()) {
                    return null;
                }
                a = seq.get(item);
            }
            return a.getValue((int) Long.parseLong(steps[steps.length - 1], 16));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Streams {@code length} bytes of the stored object from {@code offset}. */
    void copy(long offset, long length, OutputStream out) throws IOException {
        try (InputStream in = storage.open(object.location().storagePath())) {
            in.skipNBytes(offset);
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("stored object " + object.sopInstanceUID() + " ends early");
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    /** Writes a value (inline bytes or a reference into the object). */
    void write(Object value, long from, long length, OutputStream out) throws IOException {
        if (value instanceof byte[] b) {
            out.write(b, (int) from, (int) length);
        } else if (value instanceof BulkData bd) {
            copy(bd.offset() + from, length, out);
        } else {
            throw new IOException("not a binary value: " + value);
        }
    }

    static long length(Object value) {
        return value instanceof byte[] b ? b.length : value instanceof BulkData bd ? bd.length() : -1;
    }
}
