package org.arca.dicom.data;

import java.util.Arrays;

/**
 * The storage of {@link Attributes}: tags kept sorted (as unsigned numbers) in an {@code int[]}
 * with parallel VR and value arrays. Parsing appends in tag order, so the common insert is an
 * append found without a search.
 */
final class ElementArrays {
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;

    ElementArrays(int capacity) {
        tags = new int[capacity];
        vrs = new VR[capacity];
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    int tagAt(int index) {
        return tags[index];
    }

    VR vrAt(int index) {
        return vrs[index];
    }

    Object valueAt(int index) {
        return values[index];
    }

    /** Index of {@code tag}, or a negative number (-(insertion point) - 1) when absent. */
    int indexOf(int tag) {
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

    /** Replaces the element of {@code tag} or inserts it in order. */
    void put(int tag, VR vr, Object value) {
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return;
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
    }

    /** Removes the element at {@code i}; returns its value. */
    Object removeAt(int i) {
        Object old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        return old;
    }
}
