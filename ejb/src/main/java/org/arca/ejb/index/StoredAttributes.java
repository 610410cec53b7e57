package org.arca.ejb.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;

/**
 * A level's attributes as kept in the database: Explicit VR Little Endian bytes of the
 * selected elements, bulk data (values not read into memory) left out. Values are copied as
 * read, so the character set of the source comes along with (0008,0005).
 */
public final class StoredAttributes {
    private static final int FILE_META_GROUP = 0x0002;

    private StoredAttributes() {
    }

    /** The elements of {@code header} that {@code level} keeps, encoded. */
    public static byte[] encode(Attributes header, Level level) {
        Attributes selected = new Attributes(header.bigEndian());
        for (int i = 0; i < header.size(); i++) {
            int tag = header.tagAt(i);
            if ((tag >>> 16) != FILE_META_GROUP && level.keeps(tag)) {
                copyValue(header.valueAt(i), header.vrAt(i), tag, selected);
            }
        }
        return encode(selected);
    }

    public static byte[] encode(Attributes attrs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataset(attrs, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory, only a broken value gets here
        }
        return bytes.toByteArray();
    }

    public static Attributes decode(byte[] encoded) {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(encoded),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            return in.readDataset();
        } catch (IOException e) {
            throw new UncheckedIOException("stored attributes unreadable", e);
        }
    }

    /** Copies one value into {@code dst}; sequences deeply, bulk data and fragments not at all. */
    public static void copyValue(Object value, VR vr, int tag, Attributes dst) {
        if (value instanceof BulkData || value instanceof Fragments) {
            return;
        }
        if (value instanceof Sequence seq) {
            Sequence copy = dst.newSequence(tag, vr, seq.undefinedLength());
            for (Attributes item : seq) {
                Attributes itemCopy = copy.addItem();
                itemCopy.setUndefinedItemLength(item.undefinedItemLength());
                for (int i = 0; i < item.size(); i++) {
                    copyValue(item.valueAt(i), item.vrAt(i), item.tagAt(i), itemCopy);
                }
            }
            return;
        }
        dst.setValue(tag, vr, value);
    }
}
