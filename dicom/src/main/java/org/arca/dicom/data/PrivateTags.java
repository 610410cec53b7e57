package org.arca.dicom.data;

/**
 * Private data elements (PS3.5 7.8.1): element xxEE of an odd group belongs to the creator
 * named by (gggg,00xx), the block.
 */
final class PrivateTags {
    private PrivateTags() {
    }

    /** The tag of {@code tag}'s element in {@code creator}'s block, or -1 when the creator has no block. */
    static int find(Attributes a, String creator, int tag) {
        int group = tag & 0xFFFF0000;
        for (int block = 0x10; block <= 0xFF; block++) {
            if (a.contains(group | block) && creator.equals(a.getString(group | block))) {
                return group | (block << 8) | (tag & 0xFF);
            }
        }
        return -1;
    }

    /** Like {@link #find}, reserving the first free block for the creator if needed. */
    static int reserve(Attributes a, String creator, int tag) {
        int t = find(a, creator, tag);
        if (t != -1) {
            return t;
        }
        int group = tag & 0xFFFF0000;
        for (int block = 0x10; block <= 0xFF; block++) {
            if (!a.contains(group | block)) {
                a.setString(group | block, VR.LO, creator);
                return group | (block << 8) | (tag & 0xFF);
            }
        }
        throw new IllegalStateException("no free private block in group " + Integer.toHexString(group >>> 16));
    }

    /** The private creator owning a private data element, or null. */
    static String creatorOf(Attributes a, int tag) {
        int elem = tag & 0xFFFF;
        if ((tag & 0x00010000) == 0 || elem < 0x1000) {
            return null;
        }
        return a.getString((tag & 0xFFFF0000) | (elem >>> 8));
    }
}
