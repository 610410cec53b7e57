package org.arca.tools.storescu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.arca.dicom.io.TransferSyntax;

/**
 * What storescu needs of a typical Part 10 file (preamble, "DICM", explicit VR little endian
 * meta elements with both SOP UIDs and the transfer syntax, within the first 4 KB), read with
 * one system call and no data set parser: the scan of all files comes before the association,
 * so its time is the user's. Anything unusual gives null, and the parser reads the file.
 */
final class QuickFileMeta {
    private static final int PREFIX = 132;
    private static final int TS = 0x00020010;
    private static final int SOP_CLASS = 0x00020002;
    private static final int SOP_INSTANCE = 0x00020003;

    /** One buffer for the whole scan (one thread). */
    private final ByteBuffer buf = ByteBuffer.allocateDirect(4096).order(ByteOrder.LITTLE_ENDIAN);

    /** The file's UIDs and data set offset, or null if the parser must read it. */
    InputFile read(Path path) throws IOException {
        buf.clear();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // a file shorter than the buffer ends the loop
            }
        }
        int end = buf.position();
        if (end < PREFIX + 8 || buf.getInt(128) != 0x4D434944) { // "DICM"
            return null;
        }
        String cuid = null;
        String iuid = null;
        String ts = null;
        int pos = PREFIX;
        while (true) {
            if (pos + 8 > end) {
                return null; // meta information beyond what was read
            }
            int group = buf.getShort(pos) & 0xFFFF;
            if (group != 0x0002) {
                if (group < 0x0002) {
                    return null;
                }
                break;
            }
            int tag = 0x00020000 | (buf.getShort(pos + 2) & 0xFFFF);
            int c0 = buf.get(pos + 4);
            int c1 = buf.get(pos + 5);
            if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
                return null; // not explicit VR
            }
            long length;
            if (longLength((c0 << 8) | c1)) {
                length = buf.getInt(pos + 8) & 0xFFFFFFFFL;
                pos += 12;
            } else {
                length = buf.getShort(pos + 6) & 0xFFFF;
                pos += 8;
            }
            if (length > end - pos) {
                return null;
            }
            if (tag == SOP_CLASS || tag == SOP_INSTANCE || tag == TS) {
                String uid = uid(pos, (int) length);
                if (uid == null) {
                    return null;
                }
                if (tag == SOP_CLASS) {
                    cuid = uid;
                } else if (tag == SOP_INSTANCE) {
                    iuid = uid;
                } else {
                    ts = uid;
                }
            }
            pos += (int) length;
        }
        if (cuid == null || iuid == null || ts == null || TransferSyntax.of(ts).deflated()) {
            return null;
        }
        return new InputFile(path, cuid, iuid, TransferSyntax.of(ts).uid(), pos);
    }

    /** VRs with a reserved field and a 4-byte length in explicit VR. */
    private static boolean longLength(int vr) {
        switch (vr) {
            case 0x4F42: case 0x4F44: case 0x4F46: case 0x4F4C: case 0x4F56: case 0x4F57: // OB OD OF OL OV OW
            case 0x5351: case 0x5356: case 0x5543: case 0x554E: case 0x5552: case 0x5554: case 0x5556: // SQ SV UC UN UR UT UV
                return true;
            default:
                return false;
        }
    }

    /** A UID value without its padding; null unless it is digits and dots only. */
    private String uid(int pos, int length) {
        int n = length;
        while (n > 0 && (buf.get(pos + n - 1) == 0 || buf.get(pos + n - 1) == ' ')) {
            n--;
        }
        if (n == 0) {
            return null;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = buf.get(pos + i);
            if ((b[i] < '0' || b[i] > '9') && b[i] != '.') {
                return null;
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }
}
