package org.arca.dicom.data;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributesTest {

    @Test
    void keepsTagsSortedWhateverTheInsertionOrder() {
        Attributes a = new Attributes();
        a.setString(0x00100020, VR.LO, "ID1");
        a.setString(0x00080060, VR.CS, "CT");
        a.setInt(0x7FE00010 - 1, VR.UL, 1);
        a.setString(0x00100010, VR.PN, "Doe^John");
        assertEquals(4, a.size());
        for (int i = 1; i < a.size(); i++) {
            assertTrue(Integer.compareUnsigned(a.tagAt(i - 1), a.tagAt(i)) < 0);
        }
        assertEquals("Doe^John", a.remove(0x00100010) == null ? null : "Doe^John");
        assertFalse(a.contains(0x00100010));
        assertEquals(3, a.size());
    }

    @Test
    void textValuesArePaddedToEvenLengthAndTrimmedOnRead() {
        Attributes a = new Attributes();
        a.setString(0x00080060, VR.CS, "MR");
        a.setString(0x00200013, VR.IS, "7");
        a.setString(0x00080018, VR.UI, "1.2.3");
        assertArrayEquals(new byte[] {'7', ' '}, a.getBytes(0x00200013));
        assertArrayEquals(new byte[] {'1', '.', '2', '.', '3', 0}, a.getBytes(0x00080018));
        assertEquals(7, a.getInt(0x00200013, -1));
        assertEquals("1.2.3", a.getString(0x00080018));
        assertNull(a.getString(0x00100010));
        assertEquals("x", a.getString(0x00100010, "x"));
    }

    @Test
    void multipleValues() {
        Attributes a = new Attributes();
        a.setString(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        a.setDouble(0x00280030, VR.DS, 0.5, 0.25);
        a.setInt(0x00280010, VR.US, 512);
        a.setInt(0x00181310, VR.US, 0, 256, 256, 0);
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, a.getStrings(0x00080008));
        assertArrayEquals(new double[] {0.5, 0.25}, a.getDoubles(0x00280030));
        assertArrayEquals(new int[] {0, 256, 256, 0}, a.getInts(0x00181310));
        assertEquals("512", a.getString(0x00280010));
    }

    @Test
    void binaryValuesInBothByteOrders() {
        Attributes le = new Attributes(false);
        Attributes be = new Attributes(true);
        for (Attributes a : new Attributes[] {le, be}) {
            a.setInt(0x00280106, VR.SS, -5);
            a.setInt(0x00180088, VR.UL, 0xFFFFFFFE);
            a.setDouble(0x00181318, VR.FD, 1.5);
            a.setInt(0x00280009, VR.AT, 0x00181063);
        }
        assertEquals(-5, be.getInt(0x00280106, 0));
        assertEquals(0xFFFFFFFEL, be.getLong(0x00180088, 0));
        assertEquals(1.5, be.getDouble(0x00181318, 0), 0);
        assertEquals("00181063", be.getString(0x00280009));
        assertNotEquals(le.getBytes(0x00280106)[0], be.getBytes(0x00280106)[0]);
        assertEquals(le, be);
    }

    @Test
    void datesAndTimes() {
        Attributes a = new Attributes();
        a.setDate(0x00080020, LocalDate.of(2024, 2, 29));
        a.setString(0x00080030, VR.TM, "134501.25");
        a.setString(0x0008002A, VR.DT, "20240229134501.5+0100");
        assertEquals(LocalDate.of(2024, 2, 29), a.getDate(0x00080020));
        assertEquals(LocalTime.of(13, 45, 1, 250_000_000), a.getTime(0x00080030));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 250_000_000), a.getDateTime(0x00080020, 0x00080030));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 500_000_000), a.getDateTime(0x0008002A));
        a.setString(0x00100030, VR.DA, "1970.01.02"); // ACR-NEMA form
        assertEquals(LocalDate.of(1970, 1, 2), a.getDate(0x00100030));
    }

    @Test
    void privateTagsByCreator() {
        Attributes a = new Attributes();
        a.setString(0x00290010, VR.LO, "OTHER VENDOR");
        int tag = a.reservePrivateTag("ARCA TEST", 0x00290001);
        assertEquals(0x00291101, tag);
        a.setString(tag, VR.LO, "value");
        assertEquals(tag, a.privateTag("ARCA TEST", 0x00290001));
        assertEquals(-1, a.privateTag("ABSENT", 0x00290001));
        assertEquals("ARCA TEST", a.privateCreatorOf(tag));
        assertEquals("value", a.getString(a.privateTag("ARCA TEST", 0x00291001)));
    }

    @Test
    void sequenceItemsInheritTheCharacterSetUnlessTheyHaveTheirOwn() {
        Attributes a = new Attributes();
        a.setString(0x00080005, VR.CS, "ISO_IR 100");
        a.setString(0x00100010, VR.PN, "Buc^Jérôme");
        assertArrayEquals("Buc^J\u00e9r\u00f4me".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                a.getBytes(0x00100010));
        Sequence seq = a.newSequence(0x00081115);
        Attributes inherits = seq.addItem();
        inherits.setString(0x00100010, VR.PN, "Äneas");
        Attributes own = seq.addItem();
        own.setString(0x00080005, VR.CS, "ISO_IR 192");
        own.setString(0x00100010, VR.PN, "Äneas");
        assertEquals(a, own.parent());
        assertEquals(6, inherits.getBytes(0x00100010).length); // Latin-1, padded
        assertEquals(6, own.getBytes(0x00100010).length);     // UTF-8: 6 bytes
        assertEquals("Äneas", inherits.getString(0x00100010));
        assertEquals("Äneas", own.getString(0x00100010));
        a.setString(0x00080005, VR.CS, "ISO_IR 144"); // changes how the inheriting item decodes
        assertNotEquals("Äneas", inherits.getString(0x00100010));
    }
}
