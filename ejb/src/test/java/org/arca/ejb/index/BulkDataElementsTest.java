package org.arca.ejb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

class BulkDataElementsTest {

    /** An encoded data set read as the store reads it: binary values of 1 KB and more by reference. */
    private static Attributes parsed(Attributes ds) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes.toByteArray()),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            in.setBulkDataURI(URI.create("urn:test")).setBulkDataThreshold(1024);
            return in.readDataset(Tag.PixelData);
        }
    }

    @Test
    void recordsTopLevelAndNestedValuesAndRestoresThemIntoTheStoredAttributes() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setBytes(0x60003000, VR.OW, new byte[4096]); // Overlay Data
        ds.setBytes(0x00431029, VR.OB, new byte[1023]); // below the threshold: stays inline
        Sequence waveforms = ds.newSequence(Tag.WaveformSequence);
        for (int n : new int[] {240000, 28800}) {
            Attributes item = waveforms.addItem();
            item.setInt(Tag.WaveformBitsAllocated, VR.US, 16);
            item.setBytes(Tag.WaveformData, VR.OW, new byte[n]);
        }
        Attributes header = parsed(ds);

        String record = BulkDataElements.of(header);
        assertEquals("54000100/0/54001010 OW 240000\n54000100/1/54001010 OW 28800\n60003000 OW 4096\n", record);

        Attributes stored = StoredAttributes.decode(StoredAttributes.encode(header, Level.IMAGE));
        assertFalse(stored.contains(0x60003000), "the index keeps no bulk values");
        BulkDataElements.restore(record, stored);
        BulkData overlay = stored.getBulkData(0x60003000);
        assertEquals(BulkDataElements.PLACEHOLDER, overlay.uri());
        assertEquals(4096, overlay.length());
        assertEquals(VR.OW, stored.vrOf(0x60003000));
        assertEquals(28800, stored.getSequence(Tag.WaveformSequence).get(1).getBulkData(Tag.WaveformData).length());
        assertEquals(1023, stored.getBytes(0x00431029).length, "an inline value is left as it is");
    }

    @Test
    void noRecordWithoutBulkValuesAndMissingPlacesAreSkipped() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        assertNull(BulkDataElements.of(parsed(ds)));
        Attributes a = new Attributes();
        BulkDataElements.restore("54000100/3/54001010 OW 10\nnot a line\n00091010 XX 5\n", a);
        assertTrue(a.isEmpty());
        assertTrue(BulkDataElements.restore(null, a).isEmpty());
    }
}
