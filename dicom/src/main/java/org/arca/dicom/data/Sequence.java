package org.arca.dicom.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The value of an SQ element: a list of items, each a data set whose parent is the data set
 * holding the sequence (so nested items inherit e.g. the Specific Character Set). Whether
 * the sequence was encoded with undefined length is kept, so it is written back the same way.
 */
public final class Sequence implements Iterable<Attributes> {

    private final Attributes parent;
    private final int tag;
    private final List<Attributes> items = new ArrayList<>();
    private boolean undefinedLength;

    Sequence(Attributes parent, int tag, boolean undefinedLength) {
        this.parent = parent;
        this.tag = tag;
        this.undefinedLength = undefinedLength;
    }

    public Attributes parent() {
        return parent;
    }

    public int tag() {
        return tag;
    }

    /** True when written with undefined length and a Sequence Delimitation Item. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Attributes get(int index) {
        return items.get(index);
    }

    /** Appends a new, empty item (encoded with undefined length unless changed) and returns it. */
    public Attributes addItem() {
        Attributes item = new Attributes(parent.bigEndian());
        add(item);
        return item;
    }

    /** Appends an item; it becomes a child of this sequence's data set. */
    public void add(Attributes item) {
        item.setParent(parent);
        items.add(item);
    }

    public Attributes remove(int index) {
        Attributes item = items.remove(index);
        item.setParent(null);
        return item;
    }

    @Override
    public Iterator<Attributes> iterator() {
        return items.iterator();
    }

    /** Items equal in order and content; the length encoding does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && tag == s.tag && items.equals(s.items);
    }

    @Override
    public int hashCode() {
        return tag * 31 + items.size();
    }

    @Override
    public String toString() {
        return "Sequence of " + items.size() + " item(s)";
    }
}
