package org.arca.it.restart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;

/**
 * Small Secondary Capture files (32x32 8-bit random pixels, ~1.5 KB) in Explicit VR Little
 * Endian, no group lengths: DCMTK sends their data sets unchanged, so what the archive stores
 * can be compared byte for byte with the file.
 */
final class SmallInstances {
    static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final int PER_SERIES = 100;

    private SmallInstances() {
    }

    /** {@code count} files in {@code dir}, one study, series of 100; UIDs under {@code root}. */
    static List<Path> write(Path dir, int count, String root, long seed) throws IOException {
        return write(dir, count, root, seed, 32);
    }

    /** As {@link #write(Path, int, String, long)}, images of {@code size} x {@code size} pixels. */
    static List<Path> write(Path dir, int count, String root, long seed, int size) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>(count);
        String study = root + ".1";
        for (int i = 0; i < count; i++) {
            String series = root + ".2." + (i / PER_SERIES + 1);
            String iuid = root + ".3." + (i + 1);
            Attributes a = new Attributes();
            a.setString(Tag.SOPClassUID, VR.UI, SC);
            a.setString(Tag.SOPInstanceUID, VR.UI, iuid);
            a.setString(Tag.Modality, VR.CS, "OT");
            a.setString(Tag.ConversionType, VR.CS, "WSD");
            a.setString(Tag.PatientName, VR.PN, "Crash^Test");
            a.setString(Tag.PatientID, VR.LO, "CRASH-" + seed);
            a.setString(Tag.StudyInstanceUID, VR.UI, study);
            a.setString(Tag.SeriesInstanceUID, VR.UI, series);
            a.setString(Tag.InstanceNumber, VR.IS, Integer.toString(i + 1));
            a.setInt(Tag.SamplesPerPixel, VR.US, 1);
            a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            a.setInt(Tag.Rows, VR.US, size);
            a.setInt(Tag.Columns, VR.US, size);
            a.setInt(Tag.BitsAllocated, VR.US, 8);
            a.setInt(Tag.BitsStored, VR.US, 8);
            a.setInt(Tag.HighBit, VR.US, 7);
            a.setInt(Tag.PixelRepresentation, VR.US, 0);
            byte[] pixels = new byte[size * size];
            random.nextBytes(pixels);
            a.setBytes(Tag.PixelData, VR.OB, pixels);
            Path f = dir.resolve(String.format("%s-%05d.dcm", seed, i + 1));
            try (OutputStream out = Files.newOutputStream(f); DicomOutputStream dos = new DicomOutputStream(out)) {
                dos.writeFile(FileMetaInformation.create(SC, iuid, EXPLICIT_LE), a);
            }
            files.add(f);
        }
        return files;
    }

    /** The bytes after the File Meta Information: the archive writes its own meta group. */
    static byte[] dataset(Path file) throws IOException {
        long start;
        try (DicomInputStream in = new DicomInputStream(file)) {
            in.readFileMetaInformation();
            start = in.position();
        }
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, (int) start, all.length);
    }

    static String sopInstanceUID(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(file)) {
            return in.readFileMetaInformation().attributes().getString(Tag.MediaStorageSOPInstanceUID);
        }
    }
}
