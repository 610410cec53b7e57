package org.arca.dicomweb.stow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.FileMetaInformation;

/**
 * Reads exactly the preamble and File Meta Information of a DICOM file (PS3.10) from a stream
 * and hands back the stream positioned at the data set, which the store consumes as is.
 * Group 0002 is read element by element (its group length is not trusted).
 */
final class Part10Reader {
    private static final int MAX_META_BYTES = 64 * 1024;

    /** Not a DICOM file: no "DICM" prefix or unusable meta information. */
    static final class NotDicomException extends Exception {
        NotDicomException(String message) {
            super(message);
        }
    }

    record Part10(FileMetaInformation meta, InputStream dataset) {
    }

    private Part10Reader() {
    }

    static Part10 read(InputStream in) throws IOException, NotDicomException {
        byte[] preamble = in.readNBytes(132);
        if (preamble.length < 132 || !new String(preamble, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
            throw new NotDicomException("not a DICOM file: no 'DICM' at byte 128 (" + preamble.length + " bytes read)");
        }
        PushbackInputStream pin = new PushbackInputStream(in, 8);
        ByteArrayOutputStream meta = new ByteArrayOutputStream(512);
        meta.write(preamble);
        while (true) {
            byte[] h = pin.readNBytes(8);
            if (h.length < 8 || ((h[0] & 0xFF) | (h[1] & 0xFF) << 8) != 2) {
                pin.unread(h);
                break;
            }
            meta.write(h);
            long len;
            String vr = new String(h, 4, 2, StandardCharsets.US_ASCII);
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")
                    || vr.equals("UC") || vr.equals("UR") || vr.equals("OL") || vr.equals("OV")) {
                byte[] l = pin.readNBytes(4);
                meta.write(l);
                len = l.length < 4 ? -1 : (l[0] & 0xFFL) | (l[1] & 0xFFL) << 8 | (l[2] & 0xFFL) << 16 | (l[3] & 0xFFL) << 24;
            } else {
                len = (h[6] & 0xFF) | (h[7] & 0xFF) << 8;
            }
            if (len < 0 || meta.size() + len > MAX_META_BYTES) {
                throw new NotDicomException("File Meta Information malformed or longer than " + MAX_META_BYTES + " bytes");
            }
            byte[] v = pin.readNBytes((int) len);
            if (v.length < len) {
                throw new NotDicomException("File Meta Information ends early");
            }
            meta.write(v);
        }
        FileMetaInformation fmi;
        try (DicomInputStream din = new DicomInputStream(new ByteArrayInputStream(meta.toByteArray()))) {
            fmi = din.readFileMetaInformation();
        } catch (IOException e) {
            throw new NotDicomException("File Meta Information unreadable: " + e.getMessage());
        }
        if (fmi == null || fmi.transferSyntaxUID() == null || fmi.mediaStorageSOPClassUID() == null
                || fmi.mediaStorageSOPInstanceUID() == null) {
            throw new NotDicomException("File Meta Information lacks (0002,0002), (0002,0003) or (0002,0010)");
        }
        return new Part10(fmi, pin);
    }
}
