package org.arca.dicomweb.wado;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.dict.Tag;
import org.arca.dicomweb.rs.Errors;

/**
 * Where each frame of a stored object's pixel data lies, without decoding anything (PS3.5
 * A.4): uncompressed frames by frame size; encapsulated frames from the Extended Offset Table,
 * else the Basic Offset Table, else one fragment per frame when the counts match, else the
 * fragments that open with a codestream start marker (JPEG SOI, JPEG 2000 SOC or JP2 box).
 * A frame is a list of values (byte[] or BulkData into the object) to be written in order.
 */
public final class FrameLocator {
    private final StoredValues values;
    private final int frameCount;
    private final List<List<Object>> frames;
    private final boolean encapsulated;

    public FrameLocator(StoredValues values) throws IOException {
        this.values = values;
        Attributes ds = values.dataset();
        this.frameCount = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        Object pixels = ds.getValue(Tag.PixelData);
        if (pixels instanceof Fragments fr) {
            encapsulated = true;
            frames = encapsulated(ds, fr);
        } else if (pixels instanceof BulkData || pixels instanceof byte[]) {
            encapsulated = false;
            frames = uncompressed(ds, pixels);
        } else {
            throw Errors.exception(404, "instance " + values.sopInstanceUID() + " has no pixel data");
        }
    }

    public int frameCount() {
        return frameCount;
    }

    public boolean encapsulated() {
        return encapsulated;
    }

    /** The pieces of frame {@code n} (from 1). */
    public List<Object> frame(int n) {
        return frames.get(n - 1);
    }

    public long length(int n) {
        long len = 0;
        for (Object v : frame(n)) {
            len += StoredValues.length(v);
        }
        return len;
    }

    private List<List<Object>> uncompressed(Attributes ds, Object pixels) {
        long size = frameSize(ds);
        List<List<Object>> result = new ArrayList<>();
        if (pixels instanceof byte[] b) {
            for (int i = 0; i < frameCount; i++) {
                result.add(List.of(java.util.Arrays.copyOfRange(b, (int) Math.min(b.length, i * size),
                        (int) Math.min(b.length, (i + 1) * size))));
            }
            return result;
        }
        BulkData bd = (BulkData) pixels;
        if (size <= 0 || size * frameCount > bd.length()) {
            throw Errors.exception(501, "pixel data of " + bd.length() + " bytes is shorter than " + frameCount
                    + " frames of " + size + " bytes");
        }
        for (int i = 0; i < frameCount; i++) {
            result.add(List.of(new BulkData(bd.uri(), bd.offset() + i * size, size, bd.bigEndian())));
        }
        return result;
    }

    /** Bytes of an uncompressed frame; YBR_*_422 has two samples per pixel (PS3.3 C.7.6.3.1.2). */
    public static long frameSize(Attributes ds) {
        String pi = ds.getString(Tag.PhotometricInterpretation, "").trim();
        int samples = pi.endsWith("_422") ? 2 : ds.getInt(Tag.SamplesPerPixel, 1);
        return (long) ds.getInt(Tag.Rows, 0) * ds.getInt(Tag.Columns, 0) * samples * ds.getInt(Tag.BitsAllocated, 16) / 8;
    }

    private List<List<Object>> encapsulated(Attributes ds, Fragments fr) throws IOException {
        int fragments = fr.size() - 1;
        // positions of each fragment's item tag relative to the first fragment's (what offset tables count)
        long[] position = new long[fragments + 1];
        for (int i = 1; i < fragments; i++) {
            position[i] = position[i - 1] + 8 + fr.length(i);
        }
        position[fragments] = fragments == 0 ? 0 : position[fragments - 1] + 8 + fr.length(fragments);
        long[] starts = offsets(ds.getValue(Tag.ExtendedOffsetTable), true);
        if (starts == null || starts.length != frameCount) {
            starts = offsets(fr.get(0), false);
        }
        List<Integer> first = new ArrayList<>(); // index of each frame's first fragment (from 1)
        if (starts != null && starts.length == frameCount) {
            for (long s : starts) {
                int idx = java.util.Arrays.binarySearch(position, 0, fragments, s);
                if (idx < 0) {
                    throw Errors.exception(501, "an offset table entry (" + s + ") is not at a fragment");
                }
                first.add(idx + 1);
            }
        } else if (frameCount == 1 || fragments == frameCount) {
            for (int i = 0; i < frameCount; i++) {
                first.add(frameCount == 1 ? 1 : i + 1);
            }
        } else {
            List<byte[]> heads = values.heads(fr, 6);
            for (int i = 1; i <= fragments; i++) {
                if (startsCodestream(heads.get(i - 1))) {
                    first.add(i);
                }
            }
            if (first.size() != frameCount) {
                throw Errors.exception(501, "frames of this instance cannot be told apart without decoding: "
                        + fragments + " fragments, " + frameCount + " frames, no offset table, "
                        + first.size() + " codestream starts");
            }
        }
        List<List<Object>> result = new ArrayList<>();
        for (int f = 0; f < first.size(); f++) {
            int end = f + 1 < first.size() ? first.get(f + 1) : fragments + 1;
            List<Object> pieces = new ArrayList<>();
            for (int i = first.get(f); i < end; i++) {
                pieces.add(fr.get(i));
            }
            result.add(pieces);
        }
        return result;
    }

    /** Offsets of an offset table value (32-bit for the Basic, 64-bit for the Extended one), null when empty. */
    private long[] offsets(Object table, boolean extended) throws IOException {
        byte[] b = table instanceof byte[] a ? a : table instanceof BulkData bd ? values.read(bd) : null;
        if (b == null || b.length == 0) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long[] result = new long[b.length / (extended ? 8 : 4)];
        for (int i = 0; i < result.length; i++) {
            result[i] = extended ? buf.getLong() : buf.getInt() & 0xFFFFFFFFL;
        }
        return result;
    }

    static boolean startsCodestream(byte[] h) {
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && ((h[1] & 0xFF) == 0xD8 || (h[1] & 0xFF) == 0x4F)) {
            return true; // JPEG SOI (JPEG, JPEG-LS) or JPEG 2000 SOC
        }
        return h.length >= 6 && h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0x0C && h[4] == 'j' && h[5] == 'P';
    }
}
