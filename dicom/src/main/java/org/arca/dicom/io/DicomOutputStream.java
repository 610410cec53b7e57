package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.data.Values;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes File Meta Information and data sets in the uncompressed transfer syntaxes (and
 * data sets of compressed ones, whose fragments pass through). What was read is written
 * back byte for byte: values are the bytes read, and sequences and items keep their
 * defined or undefined length. Binary values are byte-swapped on the way when the data
 * set's byte order differs from the target syntax's.
 */
public final class DicomOutputStream implements Closeable, Flushable {

    private static final byte[] DICM = {'D', 'I', 'C', 'M'};
    private static final int UNDEFINED = -1;

    private OutputStream out;
    private DeflaterOutputStream deflater;
    private final byte[] header = new byte[12];

    /**
     * Writes to {@code out} through a buffer (element headers are small writes), unless it is
     * buffered or in memory already: a 64 KB array per File Meta Information written into a
     * ByteArrayOutputStream was a visible cost per received object.
     */
    public DicomOutputStream(OutputStream out) {
        this.out = out instanceof BufferedOutputStream || out instanceof ByteArrayOutputStream
                ? out : new BufferedOutputStream(out, 64 * 1024);
    }

    /** Writes the preamble and "DICM" (when the meta information has a preamble) and group 0002. */
    public void writeFileMetaInformation(FileMetaInformation fmi) throws IOException {
        if (fmi.preamble() != null) {
            out.write(fmi.preamble());
            out.write(DICM);
        }
        new Encoder(true, false).writeElements(fmi.attributes());
    }

    /** Writes a whole file: meta information, then the data set in the meta's transfer syntax. */
    public void writeFile(FileMetaInformation fmi, Attributes dataset) throws IOException {
        if (fmi != null) {
            writeFileMetaInformation(fmi);
        }
        String uid = fmi == null ? null : fmi.transferSyntaxUID();
        writeDataset(dataset, uid == null ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.of(uid));
    }

    /** Writes a data set; for the deflated syntax everything written after this is deflated. */
    public void writeDataset(Attributes dataset, TransferSyntax ts) throws IOException {
        if (ts.deflated() && deflater == null) {
            deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 8192);
            out = deflater;
        }
        new Encoder(ts.explicitVR(), ts.bigEndian()).writeElements(dataset);
    }

    /** Ends the deflated stream, if any, without closing the underlying stream. */
    public void finish() throws IOException {
        if (deflater != null) {
            deflater.finish();
        }
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }

    /** Writes elements in one encoding (explicit or implicit VR, byte order). */
    private final class Encoder {
        private final boolean explicit;
        private final boolean bigEndian;

        Encoder(boolean explicit, boolean bigEndian) {
            this.explicit = explicit;
            this.bigEndian = bigEndian;
        }

        void writeElements(Attributes attrs) throws IOException {
            for (int i = 0; i < attrs.size(); i++) {
                writeElement(attrs, i);
            }
        }

        private void writeElement(Attributes attrs, int index) throws IOException {
            int tag = attrs.tagAt(index);
            VR vr = attrs.vrAt(index);
            Object value = attrs.valueAt(index);
            if (value instanceof Sequence seq) {
                long len = seq.undefinedLength() ? UNDEFINED
                        : ElementLengths.valueLength(seq, vr, explicit, false);
                writeHeader(tag, vr, len);
                Encoder items = vr == VR.UN && explicit ? new Encoder(false, false) : this;
                for (Attributes item : seq) {
                    items.writeItem(item);
                }
                if (seq.undefinedLength()) {
                    writeHeader(DicomInputStream.SEQUENCE_DELIMITATION, null, 0);
                }
            } else if (value instanceof Fragments frags) {
                writeHeader(tag, vr, UNDEFINED);
                for (int i = 0; i < frags.size(); i++) {
                    Object item = frags.get(i);
                    writeHeader(DicomInputStream.ITEM, null, frags.length(i));
                    // fragments are a byte stream: never swapped
                    writeValue(item, VR.OB, attrs.bigEndian());
                }
                writeHeader(DicomInputStream.SEQUENCE_DELIMITATION, null, 0);
            } else {
                long len = value instanceof byte[] b ? b.length : ((BulkData) value).length();
                writeHeader(tag, vr, len);
                writeValue(value, vr, value instanceof BulkData bd ? bd.bigEndian() : attrs.bigEndian());
            }
        }

        private void writeItem(Attributes item) throws IOException {
            long len = item.undefinedItemLength() ? UNDEFINED : ElementLengths.datasetLength(item, explicit);
            writeHeader(DicomInputStream.ITEM, null, len);
            writeElements(item);
            if (item.undefinedItemLength()) {
                writeHeader(DicomInputStream.ITEM_DELIMITATION, null, 0);
            }
        }

        /** Writes a tag, the VR (explicit, not for items and delimiters) and the length. */
        private void writeHeader(int tag, VR vr, long len) throws IOException {
            Values.put(header, 0, 2, tag >>> 16, bigEndian);
            Values.put(header, 2, 2, tag & 0xFFFF, bigEndian);
            if (!explicit || vr == null) {
                Values.put(header, 4, 4, len, bigEndian);
                out.write(header, 0, 8);
            } else if (vr.longHeader()) {
                header[4] = (byte) vr.name().charAt(0);
                header[5] = (byte) vr.name().charAt(1);
                header[6] = 0;
                header[7] = 0;
                Values.put(header, 8, 4, len, bigEndian);
                out.write(header, 0, 12);
            } else {
                if (len > 0xFFFF) {
                    throw new IOException(String.format("(%04X,%04X): value of %d bytes does not fit the 16-bit length of VR %s",
                            tag >>> 16, tag & 0xFFFF, len, vr));
                }
                header[4] = (byte) vr.name().charAt(0);
                header[5] = (byte) vr.name().charAt(1);
                Values.put(header, 6, 2, len, bigEndian);
                out.write(header, 0, 8);
            }
        }

        private void writeValue(Object value, VR vr, boolean valueBigEndian) throws IOException {
            int unit = valueBigEndian != bigEndian ? vr.swapUnit() : 1;
            if (value instanceof byte[] b) {
                if (unit > 1) {
                    b = b.clone();
                    Values.swap(b, 0, b.length, unit);
                }
                out.write(b);
                return;
            }
            try (InputStream in = ((BulkData) value).openStream()) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                    Values.swap(buf, 0, n, unit);
                    out.write(buf, 0, n);
                }
            }
        }
    }
}
