package org.arca.it.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;

/** Files to upload: a pydicom sample (Debian python3-pydicom) with a given study and fresh UIDs. */
final class StudyFiles {

    private static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private StudyFiles() {
    }

    static String uid() {
        UUID u = UUID.randomUUID();
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
    }

    static Path write(String sample, String study, Path to) throws Exception {
        Path p = SAMPLES.resolve(sample);
        if (!Files.isRegularFile(p)) {
            fail("sample " + p + " is missing: install the Debian package 'python3-pydicom'");
        }
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(Files.readAllBytes(p)));
                OutputStream out = Files.newOutputStream(to)) {
            FileMetaInformation fmi = in.readFileMetaInformation();
            Attributes ds = in.readDataset();
            String iuid = uid();
            ds.setString(Tag.StudyInstanceUID, VR.UI, study);
            ds.setString(Tag.SeriesInstanceUID, VR.UI, uid());
            ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
            fmi.attributes().setString(Tag.MediaStorageSOPInstanceUID, VR.UI, iuid);
            fmi.updateGroupLength();
            try (DicomOutputStream dos = new DicomOutputStream(out)) {
                dos.writeFile(fmi, ds);
            }
        }
        return to;
    }
}
