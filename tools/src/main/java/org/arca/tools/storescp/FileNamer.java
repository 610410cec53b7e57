package org.arca.tools.storescp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * File names as DCMTK's storescp makes them: {@code MODALITY.SOPInstanceUID} (-uf),
 * {@code MODALITY.X.<new UID>} (+uf), {@code YYYYMMDDHHMMSSPPP[_NNNN].MODALITY} (-tn, the
 * serial number only when the millisecond was already used), each followed by the -fe
 * extension.
 */
final class FileNamer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final StoreScpOptions.Naming naming;
    private final String extension;
    private String lastTime = "";
    private int serial;

    FileNamer(StoreScpOptions.Naming naming, String extension) {
        this.naming = naming;
        this.extension = extension;
    }

    /** Whether {@link #name} needs the reception time. */
    boolean showsTime() {
        return naming == StoreScpOptions.Naming.TIME;
    }

    String name(String sopClassUID, String sopInstanceUID, LocalDateTime now) {
        String prefix = ModalityPrefixes.of(sopClassUID);
        switch (naming) {
            case UNIQUE:
                return prefix + ".X." + newUID() + extension;
            case TIME:
                return timeName(now) + "." + prefix + extension;
            default:
                return prefix + "." + sopInstanceUID + extension;
        }
    }

    private synchronized String timeName(LocalDateTime now) {
        String t = TIME.format(now);
        if (!t.equals(lastTime)) {
            lastTime = t;
            serial = 0;
            return t;
        }
        return t + String.format("_%04d", serial++ % 10000);
    }

    /** A UUID-derived UID (PS3.5 B.2): 2.25 followed by the UUID as an unsigned decimal. */
    static String newUID() {
        UUID u = UUID.randomUUID();
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, b);
    }
}
