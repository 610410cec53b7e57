package org.arca.dicom.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

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

    private final ElementArrays elements;
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
        this.elements = new ElementArrays(capacity);
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
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.size() == 0;
    }

    /** Tag of the element at {@code index}; elements are in ascending tag order. */
    public int tagAt(int index) {
        return elements.tagAt(index);
    }

    public VR vrAt(int index) {
        return elements.vrAt(index);
    }

    public Object valueAt(int index) {
        return elements.valueAt(index);
    }

    /** Index of {@code tag}, or a negative number (-(insertion point) - 1) when absent. */
    public int indexOf(int tag) {
        return elements.indexOf(tag);
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** VR of {@code tag}, or null when absent. */
    public VR vrOf(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : elements.vrAt(i);
    }

    /** The raw value ({@code byte[]}, Sequence, Fragments or BulkData), or null when absent. */
    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : elements.valueAt(i);
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
        elements.put(tag, vr, value);
        return this;
    }

    /** Removes {@code tag}; returns its value or null when absent. */
    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = elements.removeAt(i);
        if (tag == SPECIFIC_CHARACTER_SET) {
            invalidateCharset();
        }
        return old;
    }

    private void invalidateCharset() {
        charset = null;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.valueAt(i) instanceof Sequence seq) {
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
            if (i >= 0 && elements.valueAt(i) instanceof byte[] b) {
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
        if (i < 0 || !(elements.valueAt(i) instanceof byte[] b) || b.length == 0) {
            return new String[0];
        }
        VR vr = elements.vrAt(i);
        SpecificCharacterSet cs = vr.usesCharacterSet() ? specificCharacterSet() : SpecificCharacterSet.ASCII;
        return ValueDecoding.strings(vr, b, bigEndian, cs);
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
        if (i < 0 || !(elements.valueAt(i) instanceof byte[] b)) {
            return new long[0];
        }
        VR vr = elements.vrAt(i);
        return vr.isText() ? ValueDecoding.longs(vr, getStrings(tag), max) : ValueDecoding.longs(vr, b, bigEndian, max);
    }

    /** First value as double (binary VRs, DS, IS), or the default. */
    public double getDouble(int tag, double defaultValue) {
        double[] d = getDoubles(tag);
        return d.length == 0 ? defaultValue : d[0];
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(elements.valueAt(i) instanceof byte[] b)) {
            return new double[0];
        }
        VR vr = elements.vrAt(i);
        return vr.isText() ? ValueDecoding.doubles(getStrings(tag)) : ValueDecoding.doubles(vr, b, bigEndian);
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
        return setLong(tag, vr, NumberText.widen(vr, values));
    }

    public Attributes setLong(int tag, VR vr, long... values) {
        if (vr.isText()) {
            return setString(tag, vr, NumberText.integers(values));
        }
        return setValue(tag, vr, Values.binary(vr, values, bigEndian));
    }

    /** Sets floating point values: binary for FL, FD, OF, OD, text for DS. */
    public Attributes setDouble(int tag, VR vr, double... values) {
        if (vr.isText()) {
            return setString(tag, vr, NumberText.decimals(values));
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
        return PrivateTags.find(this, creator, tag);
    }

    /** Like {@link #privateTag(String, int)}, reserving a new block for the creator if needed. */
    public int reservePrivateTag(String creator, int tag) {
        return PrivateTags.reserve(this, creator, tag);
    }

    /** The private creator owning a private data element, or null. */
    public String privateCreatorOf(int tag) {
        return PrivateTags.creatorOf(this, tag);
    }

    // ---- equality --------------------------------------------------------------------------

    /**
     * Same tags, VRs and values. Binary values compare by number when the byte orders
     * differ, so a data set equals itself converted from Big to Little Endian.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes a && AttributesComparison.equal(this, a);
    }

    @Override
    public int hashCode() {
        return AttributesComparison.hashCode(this);
    }

    @Override
    public String toString() {
        return AttributesComparison.toString(this);
    }
}
