package org.arca.dicom.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * A data set: elements kept sorted by tag in parallel arrays (tag, VR, value). Values stay
 * as the raw bytes that were read, in this data set's byte order, and are decoded only when
 * asked for, so parsing a header costs one array copy per element. A value is one of:
 * {@code byte[]} (possibly empty), {@link Sequence}, {@link Fragments}, {@link BulkData}.
 * Items of sequences are Attributes too, with the data set holding the sequence as parent.
 */
public final class Attributes {

    static final byte[] EMPTY = {};
    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;

    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private final boolean bigEndian;
    private Attributes parent;
    private boolean undefinedItemLength = true;
    private SpecificCharacterSet charset;

    /** An empty little-endian data set. */
    public Attributes() {
        this(false);
    }

    /** An empty data set whose binary values are (or will be) stored in the given byte order. */
    public Attributes(boolean bigEndian) {
        this(bigEndian, 16);
    }

    public Attributes(boolean bigEndian, int capacity) {
        this.bigEndian = bigEndian;
        this.tags = new int[capacity];
        this.vrs = new VR[capacity];
        this.values = new Object[capacity];
    }

    /** True when the binary values are big endian (read from Explicit VR Big Endian). */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** The data set holding the sequence this item belongs to; null at the top level. */
    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
        this.charset = null;
    }

    /** As an item: true when encoded with undefined length and an Item Delimitation Item. */
    public boolean undefinedItemLength() {
        return undefinedItemLength;
    }

    public void setUndefinedItemLength(boolean undefinedItemLength) {
        this.undefinedItemLength = undefinedItemLength;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Tag of the element at {@code index}; elements are in ascending tag order. */
    public int tagAt(int index) {
        return tags[index];
    }

    public VR vrAt(int index) {
        return vrs[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    /** Index of {@code tag}, or a negative number (-(insertion point) - 1) when absent. */
    public int indexOf(int tag) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1; // appending in order is the common case while parsing
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** VR of {@code tag}, or null when absent. */
    public VR vrOf(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    /** The raw value ({@code byte[]}, Sequence, Fragments or BulkData), or null when absent. */
    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    /** Sets the raw value of an element; the value must be in this data set's byte order. */
    public Attributes setValue(int tag, VR vr, Object value) {
        if (value == null) {
            value = EMPTY;
        } else if (!(value instanceof byte[] || value instanceof Sequence
                || value instanceof Fragments || value instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type " + value.getClass());
        }
        if (tag == SPECIFIC_CHARACTER_SET) {
            invalidateCharset();
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return this;
        }
        i = -i - 1;
        if (size == tags.length) {
            int n = Math.max(16, size * 2);
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        if (i < size) {
            System.arraycopy(tags, i, tags, i + 1, size - i);
            System.arraycopy(vrs, i, vrs, i + 1, size - i);
            System.arraycopy(values, i, values, i + 1, size - i);
        }
        tags[i] = tag;
        vrs[i] = vr;
        values[i] = value;
        size++;
        return this;
    }

    /** Removes {@code tag}; returns its value or null when absent. */
    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == SPECIFIC_CHARACTER_SET) {
            invalidateCharset();
        }
        return old;
    }

    private void invalidateCharset() {
        charset = null;
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof Sequence seq) {
                for (Attributes item : seq) {
                    item.invalidateCharset();
                }
            }
        }
    }

    /** The character set of this data set: its own (0008,0005), else its parent's. */
    public SpecificCharacterSet specificCharacterSet() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(SPECIFIC_CHARACTER_SET);
            if (i >= 0 && values[i] instanceof byte[] b) {
                String[] codes = Values.splitText(new String(b, StandardCharsets.ISO_8859_1), VR.CS);
                cs = SpecificCharacterSet.valueOf(codes);
            } else {
                cs = parent != null ? parent.specificCharacterSet() : SpecificCharacterSet.ASCII;
            }
            charset = cs;
        }
        return cs;
    }

    // ---- typed getters -------------------------------------------------------------------

    /** The raw bytes of a value held in memory, or null when absent or not a byte value. */
    public byte[] getBytes(int tag) {
        Object v = getValue(tag);
        return v instanceof byte[] b ? b : null;
    }

    public Sequence getSequence(int tag) {
        Object v = getValue(tag);
        return v instanceof Sequence s ? s : null;
    }

    public Fragments getFragments(int tag) {
        Object v = getValue(tag);
        return v instanceof Fragments f ? f : null;
    }

    public BulkData getBulkData(int tag) {
        Object v = getValue(tag);
        return v instanceof BulkData b ? b : null;
    }

    /** First value as text (numbers of binary VRs in decimal), or null when absent or empty. */
    public String getString(int tag) {
        return getString(tag, null);
    }

    public String getString(int tag, String defaultValue) {
        String[] s = getStrings(tag);
        return s.length == 0 ? defaultValue : s[0];
    }

    /** All values as text, padding stripped; an empty array when absent or empty. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b) || b.length == 0) {
            return new String[0];
        }
        VR vr = vrs[i];
        if (vr.isText()) {
            SpecificCharacterSet cs = vr.usesCharacterSet() ? specificCharacterSet() : SpecificCharacterSet.ASCII;
            return Values.splitText(cs.decode(b, 0, b.length, vr), vr);
        }
        if (vr.swapUnit() == 1 && vr != VR.AT) {
            return new String[] {new String(b, StandardCharsets.ISO_8859_1)};
        }
        String[] s = new String[Values.binaryCount(vr, b.length)];
        for (int k = 0; k < s.length; k++) {
            s[k] = vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD
                    ? Double.toString(Values.binaryDouble(vr, b, k, bigEndian))
                    : vr == VR.AT ? String.format("%08X", Values.binaryLong(vr, b, k, bigEndian))
                    : Long.toString(Values.binaryLong(vr, b, k, bigEndian));
        }
        return s;
    }

    /** First value as int (binary VRs, IS, DS rounded toward zero), or the default. */
    public int getInt(int tag, int defaultValue) {
        long[] v = getLongs(tag, 1);
        return v.length == 0 ? defaultValue : (int) v[0];
    }

    public int[] getInts(int tag) {
        long[] v = getLongs(tag, Integer.MAX_VALUE);
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (int) v[i];
        }
        return r;
    }

    public long getLong(int tag, long defaultValue) {
        long[] v = getLongs(tag, 1);
        return v.length == 0 ? defaultValue : v[0];
    }

    private long[] getLongs(int tag, int max) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return new long[0];
        }
        VR vr = vrs[i];
        if (vr.isText()) {
            String[] s = getStrings(tag);
            long[] r = new long[Math.min(max, s.length)];
            for (int k = 0; k < r.length; k++) {
                r[k] = vr == VR.DS ? (long) Double.parseDouble(s[k]) : Long.parseLong(s[k]);
            }
            return r;
        }
        long[] r = new long[Math.min(max, Values.binaryCount(vr, b.length))];
        for (int k = 0; k < r.length; k++) {
            r[k] = Values.binaryLong(vr, b, k, bigEndian);
        }
        return r;
    }

    /** First value as double (binary VRs, DS, IS), or the default. */
    public double getDouble(int tag, double defaultValue) {
        double[] d = getDoubles(tag);
        return d.length == 0 ? defaultValue : d[0];
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return new double[0];
        }
        VR vr = vrs[i];
        if (vr.isText()) {
            String[] s = getStrings(tag);
            double[] r = new double[s.length];
            for (int k = 0; k < r.length; k++) {
                r[k] = Double.parseDouble(s[k]);
            }
            return r;
        }
        double[] r = new double[Values.binaryCount(vr, b.length)];
        for (int k = 0; k < r.length; k++) {
            r[k] = Values.binaryDouble(vr, b, k, bigEndian);
        }
        return r;
    }

    /** A DA value (YYYYMMDD, also the old YYYY.MM.DD), or null when absent or empty. */
    public LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null ? null : DateTimes.parseDate(s);
    }

    /** A TM value (HH[MM[SS[.F]]], also the old HH:MM:SS), or null when absent or empty. */
    public LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null ? null : DateTimes.parseTime(s);
    }

    /** A DT value, or a DA and a TM element combined, e.g. StudyDate with StudyTime. */
    public LocalDateTime getDateTime(int tag) {
        String s = getString(tag);
        return s == null ? null : DateTimes.parseDateTime(s);
    }

    public LocalDateTime getDateTime(int dateTag, int timeTag) {
        LocalDate d = getDate(dateTag);
        if (d == null) {
            return null;
        }
        LocalTime t = getTime(timeTag);
        return d.atTime(t == null ? LocalTime.MIDNIGHT : t);
    }

    // ---- typed setters -------------------------------------------------------------------

    /** Sets text values, encoded with this data set's character set (set (0008,0005) first). */
    public Attributes setString(int tag, VR vr, String... values) {
        if (!vr.isText()) {
            throw new IllegalArgumentException(vr + " is not a text VR");
        }
        SpecificCharacterSet cs = tag == SPECIFIC_CHARACTER_SET ? SpecificCharacterSet.ASCII
                : specificCharacterSet();
        return setValue(tag, vr, Values.text(values, vr, cs));
    }

    /** Sets integer values: binary for US, SS, UL, SL, AT, SV, UV, text for IS. */
    public Attributes setInt(int tag, VR vr, int... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = vr == VR.UL || vr == VR.AT || vr == VR.UV ? values[i] & 0xFFFFFFFFL : values[i];
        }
        return setLong(tag, vr, l);
    }

    public Attributes setLong(int tag, VR vr, long... values) {
        if (vr.isText()) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Long.toString(values[i]);
            }
            return setString(tag, vr, s);
        }
        return setValue(tag, vr, Values.binary(vr, values, bigEndian));
    }

    /** Sets floating point values: binary for FL, FD, OF, OD, text for DS. */
    public Attributes setDouble(int tag, VR vr, double... values) {
        if (vr.isText()) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = DateTimes.formatDecimal(values[i]);
            }
            return setString(tag, vr, s);
        }
        return setValue(tag, vr, Values.binary(vr, values, bigEndian));
    }

    public Attributes setDate(int tag, LocalDate date) {
        return setString(tag, VR.DA, DateTimes.formatDate(date));
    }

    public Attributes setTime(int tag, LocalTime time) {
        return setString(tag, VR.TM, DateTimes.formatTime(time));
    }

    /** Sets raw bytes (binary values in this data set's byte order). */
    public Attributes setBytes(int tag, VR vr, byte[] value) {
        return setValue(tag, vr, value);
    }

    /** Puts an empty sequence (undefined length) and returns it for adding items. */
    public Sequence newSequence(int tag) {
        Sequence seq = new Sequence(this, tag, true);
        setValue(tag, VR.SQ, seq);
        return seq;
    }

    /** Puts an empty sequence of the given VR (SQ, or UN for a sequence read as CP-246 UN). */
    public Sequence newSequence(int tag, VR vr, boolean undefinedLength) {
        Sequence seq = new Sequence(this, tag, undefinedLength);
        setValue(tag, vr, seq);
        return seq;
    }

    // ---- private tags --------------------------------------------------------------------

    /**
     * The tag of a private element given its creator and its tag with any block number
     * (e.g. 0x00191010 for element xx10 of group 0019), or -1 when the creator has no block.
     */
    public int privateTag(String creator, int tag) {
        int group = tag & 0xFFFF0000;
        for (int block = 0x10; block <= 0xFF; block++) {
            int i = indexOf(group | block);
            if (i >= 0 && creator.equals(getString(group | block))) {
                return group | (block << 8) | (tag & 0xFF);
            }
        }
        return -1;
    }

    /** Like {@link #privateTag(String, int)}, reserving a new block for the creator if needed. */
    public int reservePrivateTag(String creator, int tag) {
        int t = privateTag(creator, tag);
        if (t != -1) {
            return t;
        }
        int group = tag & 0xFFFF0000;
        for (int block = 0x10; block <= 0xFF; block++) {
            if (!contains(group | block)) {
                setString(group | block, VR.LO, creator);
                return group | (block << 8) | (tag & 0xFF);
            }
        }
        throw new IllegalStateException("no free private block in group " + Integer.toHexString(group >>> 16));
    }

    /** The private creator owning a private data element, or null. */
    public String privateCreatorOf(int tag) {
        int elem = tag & 0xFFFF;
        if ((tag & 0x00010000) == 0 || elem < 0x1000) {
            return null;
        }
        return getString((tag & 0xFFFF0000) | (elem >>> 8));
    }

    // ---- equality --------------------------------------------------------------------------

    /**
     * Same tags, VRs and values. Binary values compare by number when the byte orders
     * differ, so a data set equals itself converted from Big to Little Endian.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes a) || a.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != a.tags[i] || vrs[i] != a.vrs[i] || !valueEquals(vrs[i], values[i], a.values[i], a)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueEquals(VR vr, Object x, Object y, Attributes other) {
        if (x instanceof byte[] p && y instanceof byte[] q) {
            if (bigEndian == other.bigEndian || vr.swapUnit() == 1) {
                return Arrays.equals(p, q);
            }
            byte[] swapped = q.clone();
            Values.swap(swapped, 0, swapped.length, vr.swapUnit());
            return Arrays.equals(p, swapped);
        }
        return x.equals(y);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(String.format("(%04X,%04X) %s ", tags[i] >>> 16, tags[i] & 0xFFFF, vrs[i]));
            sb.append(values[i] instanceof byte[] ? String.join("\\", getStrings(tags[i])) : values[i]);
            sb.append('\n');
        }
        return sb.toString();
    }
}
