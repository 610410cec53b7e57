package org.arca.it.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.pdu.AAssociateRQ;

/**
 * A fresh study from pydicom's sample files (new UIDs per test), sent with our own SCU, which
 * passes the data set bytes on unchanged, so what comes back can be compared exactly.
 */
final class TestStudy {
    static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    final String studyUid = uid();
    final List<Path> files = new ArrayList<>();

    static String uid() {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    TestStudy add(Path dir, String sample, int count) throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            throw new IllegalStateException("pydicom samples missing: install the Debian package python3-pydicom");
        }
        Files.createDirectories(dir);
        String seriesUid = uid();
        for (int i = 0; i < count; i++) {
            FileMetaInformation fmi;
            Attributes ds;
            try (DicomInputStream in = new DicomInputStream(SAMPLES.resolve(sample))) {
                fmi = in.readFileMetaInformation();
                ds = in.readDataset();
            }
            String iuid = uid();
            ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
            ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
            ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
            Path f = dir.resolve(iuid + ".dcm");
            try (OutputStream out = Files.newOutputStream(f)) {
                DicomOutputStream dos = new DicomOutputStream(out);
                dos.writeFile(FileMetaInformation.create(fmi.mediaStorageSOPClassUID(), iuid, fmi.transferSyntaxUID()), ds);
                dos.finish();
            }
            files.add(f);
        }
        return this;
    }

    /**
     * C-STORE of every file to {@code calledAet} at 127.0.0.1:11112 as {@code callingAet}; the
     * statuses in file order. Tries again while the DICOM server restarts after a reload.
     */
    List<Integer> store(String callingAet, String calledAet) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return storeOnce(callingAet, calledAet);
            } catch (IOException e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw last;
    }

    private List<Integer> storeOnce(String callingAet, String calledAet) throws Exception {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET(callingAet);
        rq.calledAET(calledAet);
        for (Path f : files) {
            FileMetaInformation fmi = meta(f);
            rq.propose(fmi.mediaStorageSOPClassUID(), fmi.transferSyntaxUID());
        }
        Association as = Association.connect("127.0.0.1", 11112, rq, new ConnectionOptions());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Path f : files) {
                FileMetaInformation fmi = meta(f);
                byte[] data = dataSet(f);
                statuses.add(as.store(fmi.mediaStorageSOPClassUID(), fmi.mediaStorageSOPInstanceUID(),
                        fmi.transferSyntaxUID(), out -> out.write(data)).status());
            }
        } finally {
            if (as.isOpen()) {
                as.release();
            }
        }
        return statuses;
    }

    static FileMetaInformation meta(Path f) throws IOException {
        try (DicomInputStream in = new DicomInputStream(f)) {
            return in.readFileMetaInformation();
        }
    }

    /** The header up to the pixel data, for the storage path format. */
    static Attributes header(Path f) throws IOException {
        try (DicomInputStream in = new DicomInputStream(f)) {
            in.readFileMetaInformation();
            return in.readDataset(Tag.PixelData);
        }
    }

    /** The bytes after the File Meta Information. */
    static byte[] dataSet(Path f) throws IOException {
        return dataSet(Files.readAllBytes(f), f);
    }

    static byte[] dataSet(byte[] part10, Path name) throws IOException {
        Path tmp = Files.createTempFile("arca-it", ".dcm");
        try {
            Files.write(tmp, part10);
            long offset;
            try (DicomInputStream in = new DicomInputStream(tmp)) {
                in.readFileMetaInformation();
                offset = in.position();
            }
            return Arrays.copyOfRange(part10, (int) offset, part10.length);
        } finally {
            Files.delete(tmp);
        }
    }

    static String sopInstanceUid(Path f) throws IOException {
        return meta(f).mediaStorageSOPInstanceUID();
    }
}
