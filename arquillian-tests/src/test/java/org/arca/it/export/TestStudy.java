package org.arca.it.export;

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
 * A fresh study made from pydicom's sample files (new Study, Series and SOP Instance UIDs, so
 * every test stores new instances), stored into the archive with our own SCU, which sends the
 * files' data sets byte for byte: what arrives at a receiver can then be compared exactly.
 */
public final class TestStudy {

    static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    public final String studyUid = uid();
    public final List<Path> files = new ArrayList<>();

    public static String uid() {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    /** {@code count} instances of {@code sample} (e.g. CT_small.dcm) in one series of this study. */
    public TestStudy add(Path dir, String sample, int count) throws IOException {
        Files.createDirectories(dir);
        String seriesUid = uid();
        for (int i = 0; i < count; i++) {
            Attributes ds;
            FileMetaInformation fmi;
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

    /** Stores every file into DCM4CHEE at 127.0.0.1:11112; tries again while the DICOM server restarts. */
    public void store() throws Exception {
        store("EXPORTIT");
    }

    /** As {@link #store()}, as calling AE {@code callingAet} (export rules may ask for it). */
    public void store(String callingAet) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                storeOnce(callingAet);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw last;
    }

    private void storeOnce(String callingAet) throws Exception {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET(callingAet);
        rq.calledAET("DCM4CHEE");
        for (Path f : files) {
            FileMetaInformation fmi = meta(f);
            rq.propose(fmi.mediaStorageSOPClassUID(), fmi.transferSyntaxUID());
        }
        Association as = Association.connect("127.0.0.1", 11112, rq, new ConnectionOptions());
        try {
            for (Path f : files) {
                FileMetaInformation fmi = meta(f);
                byte[] data = dataSet(f);
                int status = as.store(fmi.mediaStorageSOPClassUID(), fmi.mediaStorageSOPInstanceUID(),
                        fmi.transferSyntaxUID(), out -> out.write(data)).status();
                if (status != 0) {
                    throw new IOException("C-STORE of " + f + " answered " + Integer.toHexString(status));
                }
            }
        } finally {
            if (as.isOpen()) {
                as.release();
            }
        }
    }

    public static FileMetaInformation meta(Path f) throws IOException {
        try (DicomInputStream in = new DicomInputStream(f)) {
            return in.readFileMetaInformation();
        }
    }

    /** The bytes after the File Meta Information: what a receiver must get unchanged. */
    public static byte[] dataSet(Path f) throws IOException {
        long offset;
        try (DicomInputStream in = new DicomInputStream(f)) {
            in.readFileMetaInformation();
            offset = in.position();
        }
        byte[] all = Files.readAllBytes(f);
        return Arrays.copyOfRange(all, (int) offset, all.length);
    }

    /** The bytes after the File Meta Information of a Part 10 file held in memory. */
    public static byte[] dataSet(byte[] part10) throws IOException {
        long offset;
        try (DicomInputStream in = new DicomInputStream(new java.io.ByteArrayInputStream(part10))) {
            in.readFileMetaInformation();
            offset = in.position();
        }
        return Arrays.copyOfRange(part10, (int) offset, part10.length);
    }

    public static String sopInstanceUid(Path f) throws IOException {
        return meta(f).mediaStorageSOPInstanceUID();
    }
}
