package org.arca.tools.storescp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.dict.UID;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.io.TransferSyntax;
import org.arca.tools.common.Log;
import org.arca.tools.dcmdump.DcmDump;
import org.arca.tools.echoscu.EchoScu;
import org.arca.tools.storescu.StoreScu;

/**
 * A short run of the tools against each other on loopback (storescp receiving from storescu,
 * echoscu, dcmdump), so that scripts/tool.sh can record the classes they load in a class data
 * sharing archive (-XX:ArchiveClassesAtExit) once per build. Later starts map the classes
 * already parsed and verified instead of loading them from the jars one by one.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path dir = Files.createTempDirectory("arca-tools-training");
        try {
            Path in = Files.createDirectory(dir.resolve("in"));
            Path out = Files.createDirectory(dir.resolve("out"));
            for (int i = 1; i <= 3; i++) {
                writeImage(in.resolve("ct" + i + ".dcm"), i);
            }
            StoreScpOptions o = StoreScpOptions.parse(new String[] {"-od", out.toString()}, new Log(quiet));
            o.port = 0;
            try (StoreScpServer scp = new StoreScpServer(o).start()) {
                String port = String.valueOf(scp.port());
                EchoScu.run(new String[] {"-aec", "STORESCP", "127.0.0.1", port}, quiet, quiet);
                int rc = StoreScu.run(new String[] {"-aec", "STORESCP", "127.0.0.1", port, in.toString()}, quiet, quiet);
                if (rc != 0) {
                    throw new IOException("training storescu failed: " + rc);
                }
            }
            DcmDump.run(new String[] {in.resolve("ct1.dcm").toString()}, quiet, quiet);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A small CT image in Explicit VR Little Endian, like the ones storescu usually sends. */
    private static void writeImage(Path file, int n) throws IOException {
        String iuid = "2.25.1000" + n;
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, iuid);
        ds.setString(Tag.StudyDate, VR.DA, "20260101");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, "Training^Class^Data");
        ds.setString(Tag.PatientID, VR.LO, "TRAINING");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "2.25.2000");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.3000");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "0", "0", String.valueOf(n));
        ds.setInt(Tag.Rows, VR.US, 64);
        ds.setInt(Tag.Columns, VR.US, 64);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[64 * 64 * 2]);
        FileMetaInformation fmi = FileMetaInformation.create(UID.CTImageStorage, iuid,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        try (DicomOutputStream dos = new DicomOutputStream(Files.newOutputStream(file))) {
            dos.writeFile(fmi, ds);
        }
    }
}
