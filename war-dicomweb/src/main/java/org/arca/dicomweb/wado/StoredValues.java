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
public final class StoredValues {
    private static final URI OBJECT = URI.create("urn:arca:stored-object");

    private final Storage storage;
    private final StoredObject object;
    private final Attributes dataset;

    public StoredValues(Storage storage, StoredObject object) throws IOException {
        this.storage = storage;
        this.object = object;
        try (InputStream in = storage.open(object.location().storagePath());
             DicomInputStream din = new DicomInputStream(in)) {
            din.setBulkDataURI(OBJECT).setBulkDataThreshold(64);
            din.readFileMetaInformation();
            dataset = din.readDataset();
        }
    }

    String sopInstanceUID() {
        return object.sopInstanceUID();
    }

    public String transferSyntaxUID() {
        return object.location().transferSyntaxUID();
    }

    public Attributes dataset() {
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

    /** Streams {@code length} bytes of the stored object from {@code offset} (a ranged read: S3 GET with Range). */
    void copy(long offset, long length, OutputStream out) throws IOException {
        try (InputStream in = storage.open(object.location().storagePath(), offset, length)) {
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

    /** A value's bytes in memory (byte[] or BulkData of this object). */
    public byte[] read(Object value) throws IOException {
        if (value instanceof byte[] b) {
            return b;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) length(value));
        write(value, 0, length(value), out);
        return out.toByteArray();
    }

    /** The pieces of a frame (see FrameLocator) joined in memory. */
    public byte[] readAll(java.util.List<Object> pieces) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeAll(pieces, out);
        return out.toByteArray();
    }

    /** Writes the pieces of a frame (in increasing offsets) with one pass over the stored object. */
    public void writeAll(java.util.List<Object> pieces, OutputStream out) throws IOException {
        if (pieces.size() == 1) {
            write(pieces.get(0), 0, length(pieces.get(0)), out);
            return;
        }
        InputStream in = null;
        try {
            long pos = 0;
            byte[] buf = new byte[64 * 1024];
            for (Object p : pieces) {
                if (p instanceof byte[] b) {
                    out.write(b);
                    continue;
                }
                BulkData bd = (BulkData) p;
                if (in == null || bd.offset() < pos) {
                    if (in != null) {
                        in.close();
                    }
                    in = storage.open(object.location().storagePath());
                    pos = 0;
                }
                in.skipNBytes(bd.offset() - pos);
                long left = bd.length();
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException("stored object " + object.sopInstanceUID() + " ends early");
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                pos = bd.offset() + bd.length();
            }
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    /** The first {@code n} bytes of every fragment (item 1 on), read in one pass over the object. */
    java.util.List<byte[]> heads(org.arca.dicom.data.Fragments fr, int n) throws IOException {
        java.util.List<byte[]> result = new java.util.ArrayList<>();
        try (InputStream in = storage.open(object.location().storagePath())) {
            long pos = 0;
            for (int i = 1; i < fr.size(); i++) {
                Object item = fr.get(i);
                if (item instanceof byte[] b) {
                    result.add(java.util.Arrays.copyOf(b, Math.min(n, b.length)));
                    continue;
                }
                BulkData bd = (BulkData) item;
                in.skipNBytes(bd.offset() - pos);
                byte[] h = in.readNBytes((int) Math.min(n, bd.length()));
                result.add(h);
                pos = bd.offset() + h.length;
            }
        }
        return result;
    }

    static long length(Object value) {
        return value instanceof byte[] b ? b.length : value instanceof BulkData bd ? bd.length() : -1;
    }
}
