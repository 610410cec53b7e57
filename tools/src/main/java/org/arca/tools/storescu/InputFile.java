package org.arca.tools.storescu;

import java.io.IOException;
import java.nio.file.Path;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.FileMetaInformation;

/**
 * A file to send: its SOP class and instance, the transfer syntax of its data set and where
 * the data set starts (after the meta information), read from its beginning only.
 */
record InputFile(Path path, String sopClassUID, String sopInstanceUID, String transferSyntaxUID, long dataSetOffset) {

    /** Reads what is needed to send {@code path}; throws if it is not a DICOM file with SOP UIDs. */
    static InputFile read(Path path) throws IOException {
        try (DicomInputStream in = new DicomInputStream(path)) {
            FileMetaInformation fmi = in.readFileMetaInformation();
            String ts = in.transferSyntax().uid();
            long offset = in.transferSyntax().deflated() ? rawMetaEnd(fmi) : in.position();
            String cuid = fmi == null ? null : fmi.mediaStorageSOPClassUID();
            String iuid = fmi == null ? null : fmi.mediaStorageSOPInstanceUID();
            if (cuid == null || iuid == null || in.transferSyntax().deflated()) {
                // no meta information (or deflated): the UIDs come from the data set itself
                Attributes head = in.readDataset(Tag.SOPInstanceUID + 1);
                cuid = cuid != null ? cuid : head.getString(Tag.SOPClassUID);
                iuid = iuid != null ? iuid : head.getString(Tag.SOPInstanceUID);
            }
            if (cuid == null || iuid == null) {
                throw new IOException("no SOP Class or SOP Instance UID");
            }
            return new InputFile(path, cuid, iuid, ts, offset);
        }
    }

    /** Where a deflated data set starts in the file (the parser's position counts inflated bytes). */
    private static long rawMetaEnd(FileMetaInformation fmi) throws IOException {
        long groupLength = fmi.attributes().getLong(0x00020000, -1);
        if (groupLength < 0) {
            throw new IOException("deflated file without File Meta Information Group Length");
        }
        return (fmi.preamble() != null ? 132 : 0) + 12 + groupLength;
    }
}
