package org.arca.dicom.json;

/**
 * Where an element sits in a data set: its tag, and for an element inside a sequence item the
 * path of the sequence and the item's index (from 0). Given to {@link BulkDataPolicy} and
 * {@link BulkDataResolver} so that a caller can name bulk data per element, e.g. a WADO-RS
 * bulk data URL ending in {@code 7FE00010} or {@code 00540016/0/00181072}.
 */
public final class ElementPath {

    private final ElementPath parent;
    private final int item;
    private final int tag;

    private ElementPath(ElementPath parent, int item, int tag) {
        this.parent = parent;
        this.item = item;
        this.tag = tag;
    }

    /** A top-level element. */
    public static ElementPath of(int tag) {
        return new ElementPath(null, -1, tag);
    }

    /** An element of item {@code item} of the sequence at this path. */
    public ElementPath child(int item, int tag) {
        return new ElementPath(this, item, tag);
    }

    public int tag() {
        return tag;
    }

    /** The sequence this element's item belongs to, or null at the top level. */
    public ElementPath parent() {
        return parent;
    }

    /** Index (from 0) of the item within the parent sequence; -1 at the top level. */
    public int itemIndex() {
        return item;
    }

    /** Number of sequences enclosing the element: 0 at the top level. */
    public int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    /** E.g. {@code 7FE00010}, or {@code 00540016/0/00181072} for an element in an item. */
    @Override
    public String toString() {
        String hex = ValueFormat.tag(tag);
        return parent == null ? hex : parent + "/" + item + "/" + hex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementPath p && p.tag == tag && p.item == item
                && (parent == null ? p.parent == null : parent.equals(p.parent));
    }

    @Override
    public int hashCode() {
        return tag * 31 + item + (parent == null ? 0 : parent.hashCode() * 17);
    }
}
