package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.ElementDictionary;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parses DICOM from a stream, front to back, never seeking (so it works on a network
 * stream): File Meta Information, then the data set in its transfer syntax. Lengths are
 * checked against what remains (the enclosing item, or the file size when known) before
 * anything is allocated, and values arrive in bounded chunks otherwise, so a bogus length
 * gives a {@link DicomParseException} naming the element and its offset, never an
 * OutOfMemoryError. Reading can stop before a tag (e.g. PixelData), leaving the stream at
 * that element's header, and large values can be kept as {@link BulkData} references.
 */
public final class DicomInputStream implements Closeable {

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    static final int PIXEL_DATA = 0x7FE00010;
    private static final long UNDEFINED = ElementLengths.UNDEFINED;
    private static final int MAX_DEPTH = 64;
    /** Values up to this size are allocated at once; larger ones grow as bytes arrive. */
    private static final int CHUNK = 1 << 20;

    private final StreamBuffer in;
    private long streamLength = -1;
    private long trailingPadding;
    private URI bulkDataURI;
    /** The file read, whose URI becomes {@link #bulkDataURI} when first needed. */
    private Path file;
    private long bulkDataThreshold = Long.MAX_VALUE;
    private FileMetaInformation fileMetaInformation;
    private boolean metaRead;
    private TransferSyntax transferSyntax;
    private boolean stopped;

    /** Reads a stream starting with the preamble, the meta information, or the data set. */
    public DicomInputStream(InputStream in) {
        this.in = new StreamBuffer(in);
    }

    /** Reads a data set without meta information in a known transfer syntax (e.g. a C-STORE). */
    public DicomInputStream(InputStream in, TransferSyntax ts) {
        this(in);
        this.metaRead = true;
        setTransferSyntax(ts);
        if (ts.deflated()) {
            this.in.inflateRest(); // a deflated data set is deflated from its first byte on
        }
    }

    /**
     * Reads a file; its size bounds every length, and bulk data refers to it by its URI.
     * Opening costs one open and one fstat: the size comes from the open channel and the URI
     * (a stat of its own) is made only when a value is kept as {@link BulkData} (a header
     * read from a file is 3 to 4 times slower than from memory otherwise, see README).
     */
    public DicomInputStream(Path file) throws IOException {
        this(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    private DicomInputStream(Path file, FileChannel channel) throws IOException {
        this(Channels.newInputStream(channel));
        try {
            this.streamLength = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.file = file;
    }

    /** Values of binary VRs of at least this many bytes are kept as {@link BulkData}. */
    public DicomInputStream setBulkDataThreshold(long bytes) {
        this.bulkDataThreshold = bytes;
        return this;
    }

    /** The resource these stream offsets are offsets of, for {@link BulkData} references. */
    public DicomInputStream setBulkDataURI(URI uri) {
        this.bulkDataURI = uri;
        this.file = null;
        return this;
    }

    /** The total length of the stream when known, to reject bogus lengths early. */
    public DicomInputStream setStreamLength(long length) {
        this.streamLength = length;
        return this;
    }

    private URI bulkDataURI() {
        if (bulkDataURI == null && file != null) {
            bulkDataURI = file.toUri();
        }
        return bulkDataURI;
    }

    public void setTransferSyntax(TransferSyntax ts) {
        this.transferSyntax = ts;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    /** Offset of the next byte to parse. */
    /** Zero bytes found after the last element of the data set (and not kept). */
    public long trailingPadding() {
        return trailingPadding;
    }

    public long position() {
        return in.position();
    }

    /** True when the last read stopped before its stop tag, leaving the stream at that element. */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Reads the preamble and File Meta Information if present and determines the transfer
     * syntax: from (0002,0010), or else guessed from the first data set element. Returns
     * null for a stream without meta information.
     */
    public FileMetaInformation readFileMetaInformation() throws IOException {
        if (metaRead) {
            return fileMetaInformation;
        }
        metaRead = true;
        byte[] preamble = null;
        if (in.ensure(132) && in.buf[in.pos + 128] == 'D' && in.buf[in.pos + 129] == 'I'
                && in.buf[in.pos + 130] == 'C' && in.buf[in.pos + 131] == 'M') {
            preamble = Arrays.copyOfRange(in.buf, in.pos, in.pos + 128);
            in.pos += 132;
        }
        if (in.ensure(8) && in.u16(0, false) == 0x0002) {
            Attributes meta = new Attributes(false);
            new DataSetParser(true, false).readMeta(meta);
            fileMetaInformation = new FileMetaInformation(preamble, meta);
        } else if (preamble != null) {
            // "DICM" straight followed by the data set: keep the preamble to write it back
            fileMetaInformation = new FileMetaInformation(preamble, new Attributes(false));
        }
        String uid = fileMetaInformation == null ? null : fileMetaInformation.transferSyntaxUID();
        if (transferSyntax == null) {
            transferSyntax = uid != null ? TransferSyntax.of(uid) : guessTransferSyntax();
        }
        if (transferSyntax.deflated()) {
            in.inflateRest();
            streamLength = -1;
            bulkDataURI = null; // offsets now count inflated bytes: no references into the file
            file = null;
        }
        return fileMetaInformation;
    }

    /** For streams without (0002,0010): explicit VR if a valid VR follows the first tag. */
    private TransferSyntax guessTransferSyntax() throws IOException {
        if (!in.ensure(6)) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        int c0 = in.buf[in.pos + 4];
        int c1 = in.buf[in.pos + 5];
        boolean explicit = c0 >= 'A' && c0 <= 'Z' && c1 >= 'A' && c1 <= 'Z'
                && VR.ofCode((c0 << 8) | c1) != null;
        if (!explicit) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return in.u16(0, true) < in.u16(0, false) ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    public FileMetaInformation fileMetaInformation() {
        return fileMetaInformation;
    }

    /** Reads the whole data set. */
    public Attributes readDataset() throws IOException {
        return readDataset(-1);
    }

    /**
     * Reads the data set up to, not including, the first top-level element whose tag is
     * {@code stopTag} or greater (unsigned); -1 reads all. {@link #stopped()} tells whether it
     * stopped; reading on with {@link #readDataset(Attributes, int)} continues from there.
     */
    public Attributes readDataset(int stopTag) throws IOException {
        readFileMetaInformation();
        Attributes attrs = new Attributes(transferSyntax.bigEndian(), 64);
        readDataset(attrs, stopTag);
        return attrs;
    }

    /** Reads further elements of the data set into {@code attrs}; see {@link #readDataset(int)}. */
    public void readDataset(Attributes attrs, int stopTag) throws IOException {
        readFileMetaInformation();
        stopped = new DataSetParser(transferSyntax.explicitVR(), transferSyntax.bigEndian())
                .readElements(attrs, -1, stopTag, 0, 0);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the elements of one encoding (explicit or implicit VR, byte order). */
    private final class DataSetParser {
        private final boolean explicit;
        private final boolean bigEndian;

        DataSetParser(boolean explicit, boolean bigEndian) {
            this.explicit = explicit;
            this.bigEndian = bigEndian;
        }

        void readMeta(Attributes meta) throws IOException {
            readElements(meta, -1, 0x00030000, 0, 0x0002);
        }

        /**
         * Some writers pad a file with zero bytes after its last element (DCMTK ignores them).
         * At the top level, a header of zeros followed only by zeros to the end of the stream
         * ends the data set; the padding is counted in {@link #trailingPadding()}, not kept.
         */
        private boolean trailingZeros(long elemPos) throws IOException {
            long zeros = in.zeroRest();
            if (zeros == -1) {
                return false; // a real (0000,0000) header with data after it: parsed and refused as usual
            }
            if (zeros == -2) {
                throw new DicomParseException("zero padding followed by other bytes", 0, elemPos);
            }
            trailingPadding = zeros;
            return true;
        }

        /**
         * Reads elements into {@code attrs} until {@code end} (an absolute offset, or -1 for
         * "until an Item Delimitation Item", or the end of stream at depth 0). At depth 0
         * stops before a tag {@code >= stopTag} or, when {@code onlyGroup} is non-zero,
         * of another group. Returns true when it stopped before a tag.
         */
        boolean readElements(Attributes attrs, long end, int stopTag, int depth, int onlyGroup)
                throws IOException {
            while (true) {
                long elemPos = in.position();
                if (end >= 0 && elemPos >= end) {
                    return false;
                }
                if (!in.ensure(8)) {
                    if (depth == 0 && in.available() == 0) {
                        return false;
                    }
                    throw new DicomParseException(depth == 0
                            ? "stream ends inside an element header (" + in.available() + " bytes left)"
                            : "stream ends inside an item", lastTag(attrs), elemPos);
                }
                int tag = in.tag(0, bigEndian);
                if (depth == 0 && tag == 0 && in.u16(4, true) == 0 && trailingZeros(elemPos)) {
                    return false;
                }
                if (depth == 0 && ((stopTag != -1 && Integer.compareUnsigned(tag, stopTag) >= 0)
                        || (onlyGroup != 0 && tag >>> 16 != onlyGroup))) {
                    return true;
                }
                if (tag == ITEM_DELIMITATION) {
                    in.pos += 8;
                    if (depth > 0 && end < 0) {
                        return false;
                    }
                    throw new DicomParseException("Item Delimitation Item outside an item of undefined length", tag, elemPos);
                }
                if ((tag >>> 16) == 0xFFFE) {
                    throw new DicomParseException("unexpected item or delimiter in a data set", tag, elemPos);
                }
                VR vr;
                long len;
                if (explicit) {
                    int code = in.u16(4, true);
                    vr = VR.ofCode(code);
                    if (vr == null) {
                        throw new DicomParseException(String.format("invalid VR bytes %02X %02X", code >>> 8, code & 0xFF), tag, elemPos);
                    }
                    if (vr.longHeader()) {
                        if (!in.ensure(12)) {
                            throw new DicomParseException("stream ends inside the element header", tag, elemPos);
                        }
                        len = in.u32(8, bigEndian) & 0xFFFFFFFFL;
                        in.pos += 12;
                    } else {
                        len = in.u16(6, bigEndian);
                        in.pos += 8;
                    }
                } else {
                    vr = tag == PIXEL_DATA ? VR.OW : ElementDictionary.vrOf(tag);
                    len = in.u32(4, bigEndian) & 0xFFFFFFFFL;
                    in.pos += 8;
                }
                if (end >= 0 && len != UNDEFINED && in.position() + len > end) {
                    throw new DicomParseException("value length " + len + " exceeds its item by "
                            + (in.position() + len - end) + " bytes", tag, elemPos);
                }
                if (len == UNDEFINED) {
                    readUndefinedLength(attrs, tag, vr, elemPos, depth);
                } else if (vr == VR.SQ) {
                    Sequence seq = attrs.newSequence(tag, VR.SQ, false);
                    checkRemaining(tag, len, elemPos);
                    readItems(seq, in.position() + len, tag, elemPos, depth);
                } else {
                    attrs.setValue(tag, vr, readValue(tag, vr, len, elemPos));
                }
            }
        }

        private int lastTag(Attributes attrs) {
            return attrs.isEmpty() ? 0 : attrs.tagAt(attrs.size() - 1);
        }

        private void readUndefinedLength(Attributes attrs, int tag, VR vr, long elemPos, int depth)
                throws IOException {
            if (depth >= MAX_DEPTH) {
                throw new DicomParseException("sequences nested deeper than " + MAX_DEPTH, tag, elemPos);
            }
            if (vr == VR.SQ || (!explicit && tag != PIXEL_DATA && vr != VR.OB && vr != VR.OW)) {
                readItems(attrs.newSequence(tag, VR.SQ, true), -1, tag, elemPos, depth);
            } else if (vr == VR.UN) {
                // CP-246: a sequence inside UN of undefined length is Implicit VR Little Endian
                Sequence seq = attrs.newSequence(tag, VR.UN, true);
                new DataSetParser(false, false).readItems(seq, -1, tag, elemPos, depth);
            } else if (vr == VR.OB || vr == VR.OW) {
                Fragments frags = new Fragments(tag, vr);
                attrs.setValue(tag, vr, frags);
                readFragments(frags, elemPos);
            } else {
                throw new DicomParseException("undefined length for VR " + vr, tag, elemPos);
            }
        }

        void readItems(Sequence seq, long end, int seqTag, long seqPos, int depth) throws IOException {
            while (true) {
                long itemPos = in.position();
                if (end >= 0 && itemPos >= end) {
                    return;
                }
                if (!in.ensure(8)) {
                    throw new DicomParseException("stream ends inside the sequence", seqTag, seqPos);
                }
                int tag = in.tag(0, bigEndian);
                long len = in.u32(4, bigEndian) & 0xFFFFFFFFL;
                in.pos += 8;
                if (tag == SEQUENCE_DELIMITATION) {
                    if (end < 0) {
                        return;
                    }
                    throw new DicomParseException("Sequence Delimitation Item in a sequence of defined length", seqTag, itemPos);
                }
                if (tag != ITEM) {
                    throw new DicomParseException(String.format("expected an item, found (%04X,%04X)",
                            tag >>> 16, tag & 0xFFFF), seqTag, itemPos);
                }
                long itemEnd = len == UNDEFINED ? -1 : in.position() + len;
                if (end >= 0 && (itemEnd < 0 ? false : itemEnd > end)) {
                    throw new DicomParseException("item of length " + len + " exceeds its sequence", seqTag, itemPos);
                }
                if (itemEnd >= 0) {
                    checkRemaining(seqTag, len, itemPos);
                }
                Attributes item = new Attributes(bigEndian, 8);
                item.setUndefinedItemLength(len == UNDEFINED);
                seq.add(item);
                readElements(item, itemEnd, -1, depth + 1, 0);
            }
        }

        private void readFragments(Fragments frags, long elemPos) throws IOException {
            while (true) {
                long itemPos = in.position();
                if (!in.ensure(8)) {
                    throw new DicomParseException("stream ends inside encapsulated pixel data", frags.tag(), elemPos);
                }
                int tag = in.tag(0, bigEndian);
                long len = in.u32(4, bigEndian) & 0xFFFFFFFFL;
                in.pos += 8;
                if (tag == SEQUENCE_DELIMITATION) {
                    return;
                }
                if (tag != ITEM || len == UNDEFINED) {
                    throw new DicomParseException(String.format("expected a fragment item, found (%04X,%04X)",
                            tag >>> 16, tag & 0xFFFF), frags.tag(), itemPos);
                }
                Object value = readValue(frags.tag(), VR.OB, len, itemPos);
                if (value instanceof BulkData bd) {
                    frags.add(bd);
                } else {
                    frags.add((byte[]) value);
                }
            }
        }

        private void checkRemaining(int tag, long len, long elemPos) throws DicomParseException {
            if (streamLength >= 0 && in.position() + len > streamLength) {
                throw new DicomParseException("value length " + len + " exceeds the "
                        + (streamLength - in.position()) + " bytes left in the stream", tag, elemPos);
            }
        }

        private Object readValue(int tag, VR vr, long len, long elemPos) throws IOException {
            checkRemaining(tag, len, elemPos);
            if (len >= bulkDataThreshold && isBulkVR(vr) && bulkDataURI() != null) {
                long offset = in.position();
                if (in.skip(len) < len) {
                    throw endOfStream(tag, len, elemPos);
                }
                return new BulkData(bulkDataURI(), offset, len, bigEndian);
            }
            if (len > Integer.MAX_VALUE - 8) {
                throw new DicomParseException("value of " + len + " bytes is too large to hold in memory", tag, elemPos);
            }
            int n = (int) len;
            if (n <= CHUNK || streamLength >= 0) {
                byte[] b = n == 0 ? new byte[0] : new byte[n];
                if (in.read(b, 0, n) < n) {
                    throw endOfStream(tag, len, elemPos);
                }
                return b;
            }
            byte[] b = new byte[CHUNK];
            int have = 0;
            while (have < n) {
                if (have == b.length) {
                    b = Arrays.copyOf(b, (int) Math.min(n, 2L * b.length));
                }
                int r = in.read(b, have, b.length - have);
                if (r == 0) {
                    throw endOfStream(tag, len, elemPos);
                }
                have += r;
            }
            return b;
        }

        private DicomParseException endOfStream(int tag, long len, long elemPos) {
            return new DicomParseException("stream ends before the end of the value of length " + len, tag, elemPos);
        }

        private boolean isBulkVR(VR vr) {
            return vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL
                    || vr == VR.OV || vr == VR.UN;
        }
    }
}
