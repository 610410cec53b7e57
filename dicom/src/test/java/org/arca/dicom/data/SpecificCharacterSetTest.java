package org.arca.dicom.data;

import org.arca.dicom.io.DicomInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decoding of David Clunie's character set example files (as shipped with pydicom) to the
 * Patient's Name values pydicom's own test suite expects (tests/test_charset.py), and of the
 * single-byte ISO 2022 code extensions from the same suite.
 */
class SpecificCharacterSetTest {

    private static final Path CHARSET_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");
    private static final int PATIENT_NAME = 0x00100010;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "chrArab|قباني^لنزار",
            "chrFren|Buc^Jérôme",
            "chrFrenMulti|Buc^Jérôme",
            "chrGerm|Äneas^Rüdiger",
            "chrGreek|Διονυσιος",
            "chrH31|Yamada^Tarou=山田^太郎=やまだ^たろう",
            "chrH32|ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
            "chrHbrw|שרון^דבורה",
            "chrI2|Hong^Gildong=洪^吉洞=홍^길동",
            "chrJapMulti|やまだ^たろう",
            "chrJapMultiExplicitIR6|やまだ^たろう",
            "chrKoreanMulti|김희중",
            "chrRuss|Люкceмбypг",
            // these two end with an empty third component group, "=", which pydicom's
            // PersonName drops; getString gives the value as encoded
            "chrX1|Wang^XiaoDong=王^小東=",
            "chrX2|Wang^XiaoDong=王^小东="})
    void patientNameOfCharsetFile(String file, String expected) throws IOException {
        assertEquals(expected, read(file).getString(PATIENT_NAME));
    }

    /** The item has its own (0008,0005) ISO 2022 IR 13 / IR 87 while the data set is UTF-8. */
    @Test
    void sequenceItemWithItsOwnCharacterSet() throws IOException {
        Attributes item = read("chrSQEncoding").getSequence(0x00321064).get(0);
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.getString(PATIENT_NAME));
    }

    /** The item has no (0008,0005) and inherits the data set's. */
    @Test
    void sequenceItemInheritsCharacterSet() throws IOException {
        Attributes item = read("chrSQEncoding1").getSequence(0x00321064).get(0);
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.getString(PATIENT_NAME));
    }

    /** chrFrenMulti has multi-valued PN and LO (pydicom issue 629). */
    @Test
    void multiValuedLatin1() throws IOException {
        Attributes a = read("chrFrenMulti");
        assertArrayEquals(new String[] {"Buc^Jérôme", "Buc^Jérôme"}, a.getStrings(0x00101001));
        assertArrayEquals(new String[] {"eggs", "spam"}, a.getStrings(0x00101000));
    }

    private static Attributes read(String name) throws IOException {
        Path file = CHARSET_FILES.resolve(name + ".dcm");
        Assertions.assertTrue(Files.exists(file), "pydicom charset files missing: install the Debian package python3-pydicom");
        try (DicomInputStream in = new DicomInputStream(file)) {
            return in.readDataset();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ISO 2022 IR 13|ﾔﾏﾀﾞ^ﾀﾛｳ|1b2949d4cfc0de5e1b2949c0dbb3",
            "ISO 2022 IR 100|Buc^Jérôme|1b2d414275635e1b2d414ae972f46d65",
            "ISO 2022 IR 101|Wałęsa|1b2d425761b3ea7361",
            "ISO 2022 IR 109|antaŭnomo|1b2d43616e7461fd6e6f6d6f",
            "ISO 2022 IR 110|vārds|1b2d4476e0726473",
            "ISO 2022 IR 127|قباني^لنزار|1b2d47e2c8c7e6ea5e1b2d47e4e6d2c7d1",
            "ISO 2022 IR 126|Διονυσιος|1b2d46c4e9efedf5f3e9eff2",
            "ISO 2022 IR 138|שרון^דבורה|1b2d48f9f8e5ef5e1b2d48e3e1e5f8e4",
            "ISO 2022 IR 144|Люкceмбypг|1b2d4cbbeeda6365dcd17970d3",
            "ISO 2022 IR 148|Çavuşoğlu|1b2d4dc7617675fe6ff06c75",
            "ISO 2022 IR 166|นามสกุล|1b2d54b9d2c1caa1d8c5"})
    void singleByteCodeExtensions(String code, String expected, String hex) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(code);
        byte[] b = hex(hex);
        assertEquals(expected, cs.decode(b, 0, b.length, VR.PN));
    }

    /** pydicom's encoding of "Mori^Ogai=森^鷗外=もり^おうがい" with IR 6, IR 87 and IR 159. */
    @Test
    void japaneseWithJisX0212EncodesAndDecodes() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        String name = "Mori^Ogai=森^鷗外=もり^おうがい";
        byte[] expected = hex("4d6f72695e4f6761693d1b24423f391b28425e1b2428446c3f1b2442"
                + "33301b28423d1b24422462246a1b28425e1b2442242a2426242c24241b2842");
        assertArrayEquals(expected, cs.encode(name, VR.PN));
        assertEquals(name, cs.decode(expected, 0, expected.length, VR.PN));
    }

    @Test
    void utf8AndGb18030EncodeWithoutEscapes() {
        for (String code : new String[] {"ISO_IR 192", "GB18030", "GBK"}) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(code);
            byte[] b = cs.encode("Wang^XiaoDong=王^小东", VR.PN);
            assertEquals("Wang^XiaoDong=王^小东", cs.decode(b, 0, b.length, VR.PN), code);
        }
    }

    @Test
    void koreanEncodingDesignatesG1AfterEachDelimiter() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        byte[] b = cs.encode("Hong^Gildong=洪^吉洞=홍^길동", VR.PN);
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", cs.decode(b, 0, b.length, VR.PN));
        assertEquals("Hong^Gildong=\u001b$)C", new String(b, 0, 17, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
