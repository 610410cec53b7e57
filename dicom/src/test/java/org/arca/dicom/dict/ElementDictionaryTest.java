package org.arca.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.arca.dicom.data.VR;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    @Test
    void knownTags() {
        assertEquals(VR.PN, ElementDictionary.vrOf(Tag.PatientName));
        assertEquals("PatientName", ElementDictionary.keywordOf(0x00100010));
        assertEquals("Patient's Name", ElementDictionary.nameOf(Tag.PatientName));
        assertEquals("1", ElementDictionary.vmOf(Tag.PatientName));
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.PixelData));
        assertEquals("OB or OW", ElementDictionary.vrTextOf(Tag.PixelData));
        assertEquals(VR.UI, ElementDictionary.vrOf(Tag.SOPInstanceUID));
        assertEquals(VR.SQ, ElementDictionary.vrOf(Tag.ReferencedSeriesSequence));
        assertEquals("2-2n", ElementDictionary.vmOf(Tag.VerticesOfThePolygonalShutter));
        assertEquals("1-n", ElementDictionary.vmOf(Tag.WindowCenter));
        assertEquals(VR.DS, ElementDictionary.vrOf(Tag.WindowCenter));
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.SmallestImagePixelValue)); // US or SS
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.GrayLookupTableData));     // US or SS or OW
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.LUTData));                 // US or OW
        assertEquals(VR.UN, ElementDictionary.vrOf(Tag.Item));                    // NONE
    }

    @Test
    void commandGroup() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00000000));
        assertEquals("CommandGroupLength", ElementDictionary.keywordOf(0x00000000));
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.CommandField));
        assertEquals(VR.UI, ElementDictionary.vrOf(Tag.AffectedSOPClassUID));
        assertEquals(VR.AE, ElementDictionary.vrOf(Tag.MoveDestination));
        assertEquals(VR.AT, ElementDictionary.vrOf(Tag.OffendingElement));
        assertEquals("1-n", ElementDictionary.vmOf(Tag.OffendingElement));
        assertEquals(0x00000100, ElementDictionary.tagOf("CommandField"));
        assertTrue(ElementDictionary.isRetired(0x00000001));
        assertFalse(ElementDictionary.isRetired(Tag.CommandField));
    }

    @Test
    void repeatingGroups() {
        assertEquals(VR.OW, ElementDictionary.vrOf(0x60023000));
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x60023000));
        assertEquals(VR.US, ElementDictionary.vrOf(0x601E0010));
        assertEquals(VR.SS, ElementDictionary.vrOf(0x60040050));
        assertEquals(0x60003000, ElementDictionary.tagOf("OverlayData"));
        assertEquals(0x60003000, Tag.OverlayData);
        assertEquals("CurveData", ElementDictionary.keywordOf(0x50063000));
        assertTrue(ElementDictionary.isRetired(0x50063000));
        assertEquals("VariablePixelData", ElementDictionary.keywordOf(0x7F020010));
        assertEquals("PixelData", ElementDictionary.keywordOf(0x7FE00010)); // exact wins over 7Fxx
        assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x00203105));
        assertEquals("RowsForNthOrderCoefficients", ElementDictionary.keywordOf(0x00280430));
        assertEquals("TransformLabel", ElementDictionary.keywordOf(0x00280400));
        assertEquals("ZonalMap", ElementDictionary.keywordOf(0x10101234));
        // odd groups are private, never an instance of a repeating group
        assertEquals(VR.UN, ElementDictionary.vrOf(0x60013000));
        assertEquals("", ElementDictionary.keywordOf(0x60013000));
    }

    @Test
    void groupLengthPrivateAndUnknown() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00080000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00290000));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x000900FF));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00290100));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x0008FF00));
        assertEquals(VR.UN, ElementDictionary.vrOf(0xFFFF1234));
        assertEquals("", ElementDictionary.keywordOf(0x00291010));
        assertEquals("", ElementDictionary.nameOf(0x00291010));
        assertEquals("", ElementDictionary.vmOf(0x00291010));
        assertFalse(ElementDictionary.isRetired(0x00291010));
        assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
        assertEquals(-1, ElementDictionary.tagOf(""));
    }

    @Test
    void highTagsSortUnsigned() {
        assertEquals(VR.SQ, ElementDictionary.vrOf(Tag.DigitalSignaturesSequence)); // FFFA,FFFA
        assertEquals(VR.OB, ElementDictionary.vrOf(Tag.DataSetTrailingPadding));    // FFFC,FFFC
        assertEquals("SequenceDelimitationItem", ElementDictionary.keywordOf(0xFFFEE0DD));
    }

    @Test
    void keywordRoundTripForAllEntries() {
        int[] tags = ElementDictionary.allTags();
        assertTrue(tags.length > 4900, "entries: " + tags.length);
        int withKeyword = 0;
        for (int tag : tags) {
            String keyword = ElementDictionary.keywordOf(tag);
            if (keyword.isEmpty()) continue; // a few retired entries have no keyword in PS3.6
            withKeyword++;
            assertEquals(tag, ElementDictionary.tagOf(keyword), keyword);
        }
        assertTrue(withKeyword > 4900);
    }

    @Test
    void tagConstantsMatchDictionary() throws IllegalAccessException {
        int n = 0;
        for (Field f : Tag.class.getFields()) {
            assertTrue(Modifier.isStatic(f.getModifiers()));
            int tag = f.getInt(null);
            assertEquals(f.getName(), ElementDictionary.keywordOf(tag));
            assertEquals(tag, ElementDictionary.tagOf(f.getName()));
            n++;
        }
        assertTrue(n > 4900, "constants: " + n);
    }
}
