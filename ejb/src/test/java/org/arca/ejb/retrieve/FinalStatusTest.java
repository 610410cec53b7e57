package org.arca.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

/** The final C-MOVE/C-GET status by sub-operation outcome (PS3.4 C.4.2.3.1), and its identifier. */
class FinalStatusTest {

    @Test
    void statusBySubOperations() {
        assertEquals(0x0000, InstanceSender.finalStatus(3, 0, 0), "all completed");
        assertEquals(0x0000, InstanceSender.finalStatus(0, 0, 0), "nothing to send");
        assertEquals(0xB000, InstanceSender.finalStatus(2, 1, 0), "some failed");
        assertEquals(0xB000, InstanceSender.finalStatus(2, 0, 1), "a warning");
        assertEquals(0xB000, InstanceSender.finalStatus(0, 1, 1), "failed and warning");
        assertEquals(0xA702, InstanceSender.finalStatus(0, 2, 0), "all failed");
    }

    @Test
    void failedListInTheRequestsSyntax() throws Exception {
        assertNull(FailedInstances.identifier(List.of(), "1.2.840.10008.1.2"));
        for (String ts : List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1")) {
            byte[] b = FailedInstances.identifier(List.of("1.2.3", "1.2.4.5"), ts);
            Attributes ds;
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b), TransferSyntax.of(ts))) {
                ds = in.readDataset();
            }
            assertEquals(List.of("1.2.3", "1.2.4.5"), List.of(ds.getStrings(Tag.FailedSOPInstanceUIDList)));
        }
    }
}
