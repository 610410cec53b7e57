package org.arca.ejb.retrieve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;

/**
 * The identifier of a final C-MOVE/C-GET response that is not a success: the Failed SOP
 * Instance UID List (0008,0058), PS3.4 C.4.2.1.4 / C.4.3.1.4, one UID per failed sub-operation.
 */
final class FailedInstances {
    private FailedInstances() {
    }

    /** Encoded in {@code tsuid}; null when nothing failed (the list then stays out). */
    static byte[] identifier(List<String> failedUIDs, String tsuid) throws IOException {
        if (failedUIDs.isEmpty()) {
            return null;
        }
        Attributes ds = new Attributes();
        ds.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedUIDs.toArray(String[]::new));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataset(ds, TransferSyntax.of(tsuid));
        }
        return bytes.toByteArray();
    }
}
