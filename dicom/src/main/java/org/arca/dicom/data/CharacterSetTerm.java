package org.arca.dicom.data;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/**
 * One Defined Term of Specific Character Set (PS3.3 C.12.1.1.2, PS3.5 6.1): the Java charset
 * that decodes it, and for the ISO 2022 terms the escape sequence that designates it and the
 * code element (G0 for the 7-bit half, G1 for the 8-bit half) it is designated to.
 */
enum CharacterSetTerm {
    ASCII("US-ASCII", "(B", false, 1, "", "ISO_IR 6", "ISO 2022 IR 6"),
    LATIN1("ISO-8859-1", "-A", true, 1, "ISO_IR 100", "ISO 2022 IR 100"),
    LATIN2("ISO-8859-2", "-B", true, 1, "ISO_IR 101", "ISO 2022 IR 101"),
    LATIN3("ISO-8859-3", "-C", true, 1, "ISO_IR 109", "ISO 2022 IR 109"),
    LATIN4("ISO-8859-4", "-D", true, 1, "ISO_IR 110", "ISO 2022 IR 110"),
    CYRILLIC("ISO-8859-5", "-L", true, 1, "ISO_IR 144", "ISO 2022 IR 144"),
    ARABIC("ISO-8859-6", "-G", true, 1, "ISO_IR 127", "ISO 2022 IR 127"),
    GREEK("ISO-8859-7", "-F", true, 1, "ISO_IR 126", "ISO 2022 IR 126"),
    HEBREW("ISO-8859-8", "-H", true, 1, "ISO_IR 138", "ISO 2022 IR 138"),
    LATIN5("ISO-8859-9", "-M", true, 1, "ISO_IR 148", "ISO 2022 IR 148"),
    LATIN9("ISO-8859-15", "-b", true, 1, "ISO_IR 203", "ISO 2022 IR 203"),
    THAI("x-iso-8859-11", "-T", true, 1, "ISO_IR 166", "ISO 2022 IR 166"),
    /** JIS X 0201: Katakana in G1; its Romaji half is designated to G0 with ESC ( J. */
    JIS_X0201("JIS_X0201", ")I", true, 1, "ISO_IR 13", "ISO 2022 IR 13"),
    JIS_X0201_ROMAN("US-ASCII", "(J", false, 1),
    /** JIS X 0208 Kanji, 2 bytes in G0; decoded as EUC-JP after setting the high bits. */
    JIS_X0208("EUC-JP", "$B", false, 2, "ISO 2022 IR 87"),
    /** JIS X 0212 supplementary Kanji, 2 bytes in G0; EUC-JP code set 3 (prefix 0x8F). */
    JIS_X0212("EUC-JP", "$(D", false, 2, "ISO 2022 IR 159"),
    /** KS X 1001 Hangul and Hanja, 2 bytes in G1, i.e. EUC-KR. */
    KS_X1001("EUC-KR", "$)C", true, 2, "ISO 2022 IR 149"),
    /** GB 2312 simplified Chinese, 2 bytes in G1, i.e. EUC-CN. */
    GB2312("GB2312", "$)A", true, 2, "ISO 2022 IR 58"),
    UTF8("UTF-8", null, false, 0, "ISO_IR 192"),
    GB18030("GB18030", null, false, 0, "GB18030"),
    GBK("GBK", null, false, 0, "GBK");

    private static final Map<String, CharacterSetTerm> BY_CODE = new HashMap<>();
    private static final Map<String, CharacterSetTerm> BY_ESCAPE = new HashMap<>();

    static {
        for (CharacterSetTerm t : values()) {
            for (String code : t.codes) {
                BY_CODE.put(code, t);
            }
            if (t.escape != null) {
                BY_ESCAPE.put(t.escape, t);
            }
        }
        // ESC ( B also designates ASCII after ESC ( J; ESC - A etc. are unique.
    }

    final Charset charset;
    /** The escape sequence after ESC, or null for the terms without code extensions. */
    final String escape;
    /** True when designated to G1 (bytes 0x80..0xFF), false for G0 (0x00..0x7F). */
    final boolean g1;
    /** Bytes per character in ISO 2022 mode; 0 for the terms without code extensions. */
    final int bytesPerChar;
    private final String[] codes;

    CharacterSetTerm(String charset, String escape, boolean g1, int bytesPerChar, String... codes) {
        this.charset = Charset.forName(charset);
        this.escape = escape;
        this.g1 = g1;
        this.bytesPerChar = bytesPerChar;
        this.codes = codes;
    }

    /** The term for a value of (0008,0005), leading/trailing spaces ignored; null if unknown. */
    static CharacterSetTerm ofCode(String code) {
        return BY_CODE.get(code.trim());
    }

    /** The term an escape sequence (the bytes after ESC) designates; null if none. */
    static CharacterSetTerm ofEscape(String escape) {
        return BY_ESCAPE.get(escape);
    }

    /** True for the terms whose code is written "ISO 2022 ...", i.e. with code extensions. */
    static boolean isIso2022Code(String code) {
        return code.trim().startsWith("ISO 2022");
    }
}
