package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;

/**
 * The File Meta Information of PS3.10 7.1: the optional 128-byte preamble with "DICM", and
 * the group 0002 elements, always Explicit VR Little Endian. The elements are kept as read
 * (group length included) so the file writes back identical.
 */
public final class FileMetaInformation {

    /** Arca's Implementation Class UID (a UUID-derived 2.25 UID) and version name. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.176316548263426017213958392587417519233";
    public static final String IMPLEMENTATION_VERSION_NAME = "ARCA_010";

    static final int GROUP_LENGTH = 0x00020000;
    static final int VERSION = 0x00020001;
    static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int IMPLEMENTATION_CLASS_UID_TAG = 0x00020012;
    static final int IMPLEMENTATION_VERSION_NAME_TAG = 0x00020013;

    private byte[] preamble;
    private final Attributes attributes;

    /** Meta information read from a file: {@code preamble} is null when the file had none. */
    public FileMetaInformation(byte[] preamble, Attributes attributes) {
        this.preamble = preamble;
        this.attributes = attributes;
    }

    /** New meta information for writing a file, with a zero preamble and the group length. */
    public static FileMetaInformation create(String sopClassUID, String sopInstanceUID, String transferSyntaxUID) {
        Attributes a = new Attributes(false);
        a.setBytes(VERSION, VR.OB, new byte[] {0, 1});
        a.setString(MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, sopClassUID);
        a.setString(MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, sopInstanceUID);
        a.setString(TRANSFER_SYNTAX_UID, VR.UI, transferSyntaxUID);
        a.setString(IMPLEMENTATION_CLASS_UID_TAG, VR.UI, IMPLEMENTATION_CLASS_UID);
        a.setString(IMPLEMENTATION_VERSION_NAME_TAG, VR.SH, IMPLEMENTATION_VERSION_NAME);
        FileMetaInformation fmi = new FileMetaInformation(new byte[128], a);
        fmi.updateGroupLength();
        return fmi;
    }

    /** The 128 preamble bytes, or null for a meta header written without preamble. */
    public byte[] preamble() {
        return preamble;
    }

    public void setPreamble(byte[] preamble) {
        if (preamble != null && preamble.length != 128) {
            throw new IllegalArgumentException("preamble must be 128 bytes");
        }
        this.preamble = preamble;
    }

    /** The group 0002 elements. */
    public Attributes attributes() {
        return attributes;
    }

    /** Transfer Syntax UID (0002,0010), or null when missing. */
    public String transferSyntaxUID() {
        return attributes.getString(TRANSFER_SYNTAX_UID);
    }

    public void setTransferSyntaxUID(String uid) {
        attributes.setString(TRANSFER_SYNTAX_UID, VR.UI, uid);
        if (attributes.contains(GROUP_LENGTH)) {
            updateGroupLength();
        }
    }

    public String mediaStorageSOPClassUID() {
        return attributes.getString(MEDIA_STORAGE_SOP_CLASS_UID);
    }

    public String mediaStorageSOPInstanceUID() {
        return attributes.getString(MEDIA_STORAGE_SOP_INSTANCE_UID);
    }

    /** Sets (0002,0000) to the encoded length of the other group 0002 elements. */
    public void updateGroupLength() {
        long len = 0;
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.tagAt(i) != GROUP_LENGTH) {
                len += ElementLengths.explicitElementLength(attributes, i);
            }
        }
        attributes.setInt(GROUP_LENGTH, VR.UL, (int) len);
    }
}
