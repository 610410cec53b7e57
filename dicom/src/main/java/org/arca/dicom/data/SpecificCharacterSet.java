package org.arca.dicom.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Specific Character Set (0008,0005): decodes and encodes the text of SH, LO, ST, LT, PN, UC
 * and UT values (PS3.5 6.1). Without code extensions a single charset decodes the whole
 * value. With ISO 2022 code extensions the bytes switch between character sets by escape
 * sequences; the initial designations (from value 1) come back at the start of the value and
 * at every delimiter (PS3.5 6.1.2.5.3): backslash between values, CR LF FF TAB in text,
 * and '^' and '=' in PN, so each PN component group carries its own escapes.
 */
public final class SpecificCharacterSet {

    /** The default repertoire (ISO IR 6). */
    public static final SpecificCharacterSet ASCII = new SpecificCharacterSet(
            new String[0], new CharacterSetTerm[] {CharacterSetTerm.ASCII}, false);

    private static final byte ESC = 0x1B;

    private final String[] codes;
    private final CharacterSetTerm[] terms;
    private final boolean iso2022;

    private SpecificCharacterSet(String[] codes, CharacterSetTerm[] terms, boolean iso2022) {
        this.codes = codes;
        this.terms = terms;
        this.iso2022 = iso2022;
    }

    /**
     * The character set for the values of (0008,0005). Unknown terms fall back to the default
     * repertoire, as a lenient reader must (the text then shows the raw bytes as Latin-1).
     */
    public static SpecificCharacterSet valueOf(String... codes) {
        if (codes == null || codes.length == 0 || (codes.length == 1 && codes[0].isBlank())) {
            return ASCII;
        }
        CharacterSetTerm[] terms = new CharacterSetTerm[codes.length];
        boolean iso2022 = codes.length > 1;
        for (int i = 0; i < codes.length; i++) {
            CharacterSetTerm t = CharacterSetTerm.ofCode(codes[i] == null ? "" : codes[i]);
            terms[i] = t != null ? t : (i == 0 ? CharacterSetTerm.LATIN1 : CharacterSetTerm.ASCII);
            iso2022 |= CharacterSetTerm.isIso2022Code(codes[i] == null ? "" : codes[i]);
        }
        if (iso2022 && terms[0] == CharacterSetTerm.ASCII && codes.length == 1) {
            return ASCII;
        }
        return new SpecificCharacterSet(codes.clone(), terms, iso2022);
    }

    /** The values of (0008,0005) this was made from. */
    public String[] codes() {
        return codes.clone();
    }

    public boolean isAscii() {
        return this == ASCII;
    }

    /** Decodes {@code len} bytes; {@code vr} tells which delimiters reset ISO 2022 state. */
    public String decode(byte[] b, int off, int len, VR vr) {
        if (isPlainAscii(b, off, len)) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if (!iso2022) {
            return new String(b, off, len, terms[0].charset);
        }
        return new Iso2022Decoder(b, off, len, vr).decode();
    }

    private static boolean isPlainAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0 || b[i] == ESC) {
                return false;
            }
        }
        return true;
    }

    /** Encodes text for a value of {@code vr}; characters no term can encode become '?'. */
    public byte[] encode(String s, VR vr) {
        if (isAscii(s)) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (!iso2022) {
            return s.getBytes(terms[0].charset);
        }
        return new Iso2022Encoder(s, vr).encode();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80 || s.charAt(i) == ESC) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code c} (a byte or a char) ends the scope of ISO 2022 designations. */
    static boolean isDelimiter(int c, VR vr) {
        switch (c) {
            case '\\':
                return vr.isMultiValuedText();
            case '^': case '=':
                return vr == VR.PN;
            case '\r': case '\n': case '\f': case '\t':
                return true;
            default:
                return false;
        }
    }

    private CharacterSetTerm initialG0() {
        return terms[0] == CharacterSetTerm.JIS_X0201 ? CharacterSetTerm.JIS_X0201_ROMAN
                : CharacterSetTerm.ASCII;
    }

    private CharacterSetTerm initialG1() {
        return terms[0].g1 ? terms[0] : null;
    }

    /** State machine over the bytes of one value in ISO 2022 mode. */
    private final class Iso2022Decoder {
        private final byte[] b;
        private final int end;
        private final VR vr;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private CharacterSetTerm g0 = initialG0();
        private CharacterSetTerm g1 = initialG1();

        Iso2022Decoder(byte[] b, int off, int len, VR vr) {
            this.b = b;
            this.pos = off;
            this.end = off + len;
            this.vr = vr;
        }

        String decode() {
            while (pos < end) {
                int c = b[pos] & 0xFF;
                if (c == ESC) {
                    escape();
                } else if (c < 0x80) {
                    if (g0.bytesPerChar == 2 && c > 0x20 && pos + 1 < end) {
                        decodeRun(g0, false);
                    } else {
                        if (isDelimiter(c, vr)) {
                            g0 = initialG0();
                            g1 = initialG1();
                        }
                        out.append((char) c);
                        pos++;
                    }
                } else if (g1 == null) {
                    out.append((char) c); // no G1 designated: show the byte as Latin-1
                    pos++;
                } else {
                    decodeRun(g1, true);
                }
            }
            return out.toString();
        }

        private void escape() {
            for (int n = 2; n <= 3; n++) {
                if (pos + 1 + n <= end) {
                    CharacterSetTerm t = CharacterSetTerm.ofEscape(
                            new String(b, pos + 1, n, StandardCharsets.ISO_8859_1));
                    if (t != null) {
                        if (t.g1) {
                            g1 = t;
                        } else {
                            g0 = t;
                        }
                        pos += 1 + n;
                        return;
                    }
                }
            }
            out.append((char) ESC); // unknown escape: keep it visible
            pos++;
        }

        /** Decodes the run of bytes in one code element (G0 or G1) with the designated set. */
        private void decodeRun(CharacterSetTerm t, boolean high) {
            int start = pos;
            while (pos < end && b[pos] != ESC && (b[pos] < 0) == high
                    && (high || (b[pos] & 0xFF) > 0x20)) {
                pos++;
            }
            if (t == CharacterSetTerm.JIS_X0201) {
                for (int i = start; i < pos; i++) {
                    int c = b[i] & 0xFF;
                    out.append(c >= 0xA1 && c <= 0xDF ? (char) (0xFF61 + c - 0xA1) : (char) c);
                }
                return;
            }
            if (high) {
                out.append(new String(b, start, pos - start, t.charset));
                return;
            }
            // 7-bit multi-byte sets: shift to the EUC form the JDK can decode
            int n = pos - start;
            boolean jisX0212 = t == CharacterSetTerm.JIS_X0212;
            byte[] euc = new byte[jisX0212 ? n / 2 * 3 + n % 2 : n];
            int j = 0;
            for (int i = start; i < pos; i++) {
                if (jisX0212 && (i - start) % 2 == 0) {
                    euc[j++] = (byte) 0x8F;
                }
                euc[j++] = (byte) (b[i] | 0x80);
            }
            out.append(new String(euc, 0, j, t.charset));
        }
    }

    /** Encodes one value in ISO 2022 mode, choosing for each character the first term that has it. */
    private final class Iso2022Encoder {
        private final String s;
        private final VR vr;
        private final ByteArrayBuilder out = new ByteArrayBuilder();
        private CharacterSetTerm g0 = initialG0();
        private CharacterSetTerm g1 = initialG1();

        Iso2022Encoder(String s, VR vr) {
            this.s = s;
            this.vr = vr;
        }

        byte[] encode() {
            CharsetEncoder[] encoders = new CharsetEncoder[terms.length];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (isDelimiter(c, vr) || g0.bytesPerChar == 2) {
                        designate(initialG0(), false);
                    }
                    out.add((byte) c);
                    if (isDelimiter(c, vr)) {
                        g1 = initialG1();
                    }
                    continue;
                }
                byte[] enc = null;
                for (int t = 0; t < terms.length && enc == null; t++) {
                    enc = encodeChar(terms[t], c, encoders, t);
                    if (enc != null) {
                        designate(terms[t], true);
                    }
                }
                if (enc == null) {
                    out.add((byte) '?');
                } else {
                    out.add(enc);
                }
            }
            designate(initialG0(), false);
            return out.toArray();
        }

        private byte[] encodeChar(CharacterSetTerm t, char c, CharsetEncoder[] encoders, int i) {
            if (t == CharacterSetTerm.ASCII || t.bytesPerChar == 0) {
                return null;
            }
            if (t == CharacterSetTerm.JIS_X0201) {
                return c >= 0xFF61 && c <= 0xFF9F ? new byte[] {(byte) (c - 0xFF61 + 0xA1)} : null;
            }
            if (encoders[i] == null) {
                encoders[i] = t.charset.newEncoder();
            }
            if (!encoders[i].canEncode(c)) {
                return null;
            }
            try {
                ByteBuffer bb = encoders[i].encode(CharBuffer.wrap(new char[] {c}));
                byte[] e = Arrays.copyOf(bb.array(), bb.limit());
                if (t == CharacterSetTerm.JIS_X0208 || t == CharacterSetTerm.JIS_X0212) {
                    int skip = e.length - 2; // EUC-JP: drop the 0x8F of code set 3, clear high bits
                    if (skip < 0 || (t == CharacterSetTerm.JIS_X0208) != (skip == 0)) {
                        return null;
                    }
                    return new byte[] {(byte) (e[skip] & 0x7F), (byte) (e[skip + 1] & 0x7F)};
                }
                return e.length == t.bytesPerChar ? e : null;
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        /** Emits the escape sequence when {@code t} is not yet designated to its element. */
        private void designate(CharacterSetTerm t, boolean forChar) {
            if (t.g1 ? g1 == t : g0 == t) {
                return;
            }
            if (t.g1) {
                g1 = t;
            } else {
                g0 = t;
            }
            out.add(ESC);
            out.add(t.escape.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet cs && Arrays.equals(terms, cs.terms)
                && iso2022 == cs.iso2022;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return codes.length == 0 ? "ISO_IR 6" : String.join("\\", codes);
    }
}
