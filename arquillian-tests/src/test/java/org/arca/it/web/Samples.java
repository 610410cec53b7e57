package org.arca.it.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;

/**
 * pydicom's sample files (Debian python3-pydicom), as they are or as copies with fresh UIDs so
 * that every test works on instances no other test stored.
 */
final class Samples {
    static final Path DIR = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private Samples() {
    }

    static byte[] bytes(String name) throws IOException {
        Path p = DIR.resolve(name);
        if (!Files.isRegularFile(p)) {
            fail("sample " + p + " is missing: install the Debian package 'python3-pydicom'");
        }
        return Files.readAllBytes(p);
    }

    /** A fresh UID under 2.25 (UUID-derived). */
    static String uid() {
        UUID u = UUID.randomUUID();
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
    }

    /** The sample with the given study UID and fresh series and SOP Instance UIDs. */
    static Instance copy(String name, String studyUID) throws IOException {
        return copy(name, studyUID, uid());
    }

    static Instance copy(String name, String studyUID, String seriesUID) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes(name)))) {
            FileMetaInformation fmi = in.readFileMetaInformation();
            Attributes ds = in.readDataset();
            String iuid = uid();
            ds.setString(Tag.StudyInstanceUID, VR.UI, studyUID);
            ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUID);
            ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
            fmi.attributes().setString(Tag.MediaStorageSOPInstanceUID, VR.UI, iuid);
            fmi.updateGroupLength();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DicomOutputStream dos = new DicomOutputStream(out)) {
                dos.writeFile(fmi, ds);
            }
            return new Instance(studyUID, seriesUID, iuid, fmi.mediaStorageSOPClassUID(), fmi.transferSyntaxUID(),
                    out.toByteArray());
        }
    }

    /** Where the (uncompressed) pixel data value starts in a DICOM file, by our parser. */
    static int pixelDataOffset(byte[] file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            in.setBulkDataURI(java.net.URI.create("urn:test")).setBulkDataThreshold(64);
            in.readFileMetaInformation();
            return (int) in.readDataset().getBulkData(Tag.PixelData).offset();
        }
    }

    /** One DICOM file in memory and its UIDs. */
    record Instance(String study, String series, String sop, String sopClass, String tsuid, byte[] file) {
        /** The data set: the bytes after preamble and File Meta Information. */
        byte[] dataset() {
            return Samples.dataset(file);
        }
    }

    /** The bytes of a DICOM file after its File Meta Information (group 0002, explicit VR LE). */
    static byte[] dataset(byte[] file) {
        int pos = 132;
        while (pos + 8 <= file.length && (file[pos] & 0xFF | (file[pos + 1] & 0xFF) << 8) == 2) {
            String vr = new String(file, pos + 4, 2, java.nio.charset.StandardCharsets.US_ASCII);
            if (vr.equals("OB") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT") || vr.equals("OW")) {
                long len = (file[pos + 8] & 0xFFL) | (file[pos + 9] & 0xFFL) << 8 | (file[pos + 10] & 0xFFL) << 16
                        | (file[pos + 11] & 0xFFL) << 24;
                pos += 12 + (int) len;
            } else {
                pos += 8 + ((file[pos + 6] & 0xFF) | (file[pos + 7] & 0xFF) << 8);
            }
        }
        return Arrays.copyOfRange(file, pos, file.length);
    }
}
