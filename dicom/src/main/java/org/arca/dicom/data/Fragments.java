package org.arca.dicom.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table (first item, possibly empty)
 * followed by the fragments. Each item is a {@code byte[]} or a {@link BulkData} reference.
 * The list holds every item as encoded, offset table included, so it writes back unchanged.
 */
public final class Fragments {

    private final int tag;
    private final VR vr;
    private final List<Object> items = new ArrayList<>();

    public Fragments(int tag, VR vr) {
        this.tag = tag;
        this.vr = vr;
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    /** Number of items including the Basic Offset Table. */
    public int size() {
        return items.size();
    }

    /** Item {@code index}: 0 is the Basic Offset Table. A {@code byte[]} or a {@link BulkData}. */
    public Object get(int index) {
        return items.get(index);
    }

    public void add(byte[] item) {
        items.add(item);
    }

    public void add(BulkData item) {
        items.add(item);
    }

    /** Length in bytes of item {@code index}. */
    public long length(int index) {
        Object item = items.get(index);
        return item instanceof byte[] b ? b.length : ((BulkData) item).length();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments f) || f.tag != tag || f.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            Object a = items.get(i);
            Object b = f.items.get(i);
            if (a instanceof byte[] x && b instanceof byte[] y ? !Arrays.equals(x, y) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return tag * 31 + items.size();
    }

    @Override
    public String toString() {
        return "Fragments of " + items.size() + " item(s)";
    }
}
