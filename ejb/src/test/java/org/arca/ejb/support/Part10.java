package org.arca.ejb.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Minimal reader of a DICOM file's meta information (explicit VR LE group 0002), enough for
 * the network tests to know SOP class, instance, transfer syntax and where the data set
 * starts. The real parser lives in org.arca.dicom.io.
 */
public record Part10(Path file, String sopClassUID, String sopInstanceUID, String transferSyntax, byte[] dataSet) {
    private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "SQ", "UT", "UN", "UC", "UR", "OD", "OL", "OV", "SV", "UV");

    public static Part10 read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length < 132 || b[128] != 'D' || b[129] != 'I' || b[130] != 'C' || b[131] != 'M') {
            throw new IOException("no DICM preamble: " + file);
        }
        int pos = 132;
        String cuid = null;
        String iuid = null;
        String ts = null;
        while (pos + 8 <= b.length) {
            int group = u16(b, pos);
            if (group != 2) {
                break;
            }
            int elem = u16(b, pos + 2);
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            int len;
            if (LONG_VRS.contains(vr)) {
                len = (int) (u16(b, pos + 8) | ((long) u16(b, pos + 10) << 16));
                pos += 12;
            } else {
                len = u16(b, pos + 6);
                pos += 8;
            }
            String v = new String(b, pos, len, StandardCharsets.US_ASCII).replace("\0", "").trim();
            if (elem == 2) {
                cuid = v;
            } else if (elem == 3) {
                iuid = v;
            } else if (elem == 0x10) {
                ts = v;
            }
            pos += len;
        }
        if (cuid == null || iuid == null || ts == null) {
            throw new IOException("incomplete meta information: " + file);
        }
        return new Part10(file, cuid, iuid, ts, Arrays.copyOfRange(b, pos, b.length));
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }
}
