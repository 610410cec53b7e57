package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class StoragePathFormatTest {

    @Test
    void hashIsStringHashCodeAsEightUpperCaseHexDigits() {
        Attributes a = new Attributes();
        a.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        a.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5.6.7.8.9");
        String path = new StoragePathFormat("{0020000D,hash}/{00080018,hash}/{0020000E}").format(a);
        assertEquals(String.format("%08X/%08X/null", "1.2.3".hashCode(), "1.2.3.4.5.6.7.8.9".hashCode()), path);
    }

    @Test
    void randomPlaceholdersAreEightUpperCaseHexDigits() {
        assertTrue(new StoragePathFormat("x/{rnd}").format(new Attributes()).matches("x/[0-9A-F]{8}"));
        assertTrue(StoragePathFormat.randomAlternative("a/b").matches("a/b\\.[0-9A-F]{8}"));
    }
}
