package org.arca.dicom.io;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a unit test: run with {@code java -cp target/classes:target/test-classes
 * org.arca.dicom.io.HeaderParseBenchmark [seconds]}. Writes a 512x512 16-bit CT (about
 * 0.5 MB, a header of ~110 elements with sequences) with our writer, then parses its
 * header, stopping before PixelData, on one thread: from memory and from the file.
 * Goal: 50,000 headers/s on one core. Prints headers per second of elapsed time and per
 * second of the thread's CPU time (the latter holds up on a loaded machine).
 */
public final class HeaderParseBenchmark {

    private HeaderParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        byte[] file = ctFile();
        Path tmp = Files.createTempFile("ct", ".dcm");
        Files.write(tmp, file);
        System.out.printf("CT file: %d bytes%n", file.length);
        run("memory", seconds, () -> {
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
                return in.readDataset(0x7FE00010).size();
            }
        });
        run("file", seconds, () -> {
            try (DicomInputStream in = new DicomInputStream(tmp)) {
                return in.readDataset(0x7FE00010).size();
            }
        });
        Files.delete(tmp);
    }

    interface Parse {
        int run() throws IOException;
    }

    private static void run(String label, double seconds, Parse parse) throws IOException {
        long sink = 0;
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            sink += parse.run();
        }
        long n = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            sink += parse.run();
            n++;
        }
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // per second of this thread's CPU time (user + system): what one core does, even while
        // other work on the machine takes the core away part of the time
        System.out.printf("%-6s %,10.0f headers/s, %,10.0f per CPU second (%d top-level elements each, checksum %d)%n",
                label, n / s, n / cpu, parse.run(), sink);
    }

    /** A CT image as a modality would send it: typical attributes, two sequences, pixel data. */
    static byte[] ctFile() throws IOException {
        Attributes a = new Attributes(false, 128);
        a.setString(0x00080005, VR.CS, "ISO_IR 100");
        a.setString(0x00080008, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        a.setString(0x00080016, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        a.setString(0x00080018, VR.UI, "1.2.826.0.1.3680043.8.498.12345678901234567890123456");
        for (int t : new int[] {0x00080020, 0x00080021, 0x00080022, 0x00080023}) {
            a.setString(t, VR.DA, "20240501");
        }
        for (int t : new int[] {0x00080030, 0x00080031, 0x00080032, 0x00080033}) {
            a.setString(t, VR.TM, "101500.123456");
        }
        a.setString(0x00080050, VR.SH, "ACC0001");
        a.setString(0x00080060, VR.CS, "CT");
        a.setString(0x00080070, VR.LO, "ARCA MEDICAL SYSTEMS");
        a.setString(0x00080080, VR.LO, "General Hospital");
        a.setString(0x00080090, VR.PN, "Referring^Physician");
        a.setString(0x00081010, VR.SH, "CT01");
        a.setString(0x00081030, VR.LO, "CT CHEST WITH CONTRAST");
        a.setString(0x0008103E, VR.LO, "AXIAL 1.25MM");
        a.setString(0x00081090, VR.LO, "Model X");
        Sequence ref = a.newSequence(0x00081140);
        for (int i = 0; i < 3; i++) {
            Attributes item = ref.addItem();
            item.setString(0x00081150, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            item.setString(0x00081155, VR.UI, "1.2.826.0.1.3680043.8.498.9876543210" + i);
        }
        a.setString(0x00100010, VR.PN, "Doe^Jane");
        a.setString(0x00100020, VR.LO, "PID123456");
        a.setString(0x00100030, VR.DA, "19700101");
        a.setString(0x00100040, VR.CS, "F");
        a.setString(0x00101010, VR.AS, "054Y");
        a.setString(0x00180015, VR.CS, "CHEST");
        a.setString(0x00180050, VR.DS, "1.25");
        a.setString(0x00180060, VR.DS, "120");
        a.setString(0x00180090, VR.DS, "500");
        a.setString(0x00181020, VR.LO, "SW 1.0");
        a.setString(0x00181100, VR.DS, "350");
        a.setString(0x00181120, VR.DS, "0");
        a.setString(0x00181150, VR.IS, "800");
        a.setString(0x00181151, VR.IS, "300");
        a.setString(0x00181152, VR.IS, "240");
        a.setString(0x00181210, VR.SH, "STANDARD");
        a.setString(0x00185100, VR.CS, "HFS");
        a.setString(0x0020000D, VR.UI, "1.2.826.0.1.3680043.8.498.1111111111");
        a.setString(0x0020000E, VR.UI, "1.2.826.0.1.3680043.8.498.2222222222");
        a.setString(0x00200010, VR.SH, "S1");
        a.setString(0x00200011, VR.IS, "3");
        a.setString(0x00200012, VR.IS, "1");
        a.setString(0x00200013, VR.IS, "42");
        a.setString(0x00200032, VR.DS, "-175.5", "-180.25", "-52.5");
        a.setString(0x00200037, VR.DS, "1", "0", "0", "0", "1", "0");
        a.setString(0x00200052, VR.UI, "1.2.826.0.1.3680043.8.498.3333333333");
        a.setString(0x00201040, VR.LO, "");
        a.setString(0x00201041, VR.DS, "-52.5");
        int creator = a.reservePrivateTag("ARCA PRIVATE", 0x00090000);
        for (int i = 0; i < 20; i++) {
            a.setString((creator & 0xFFFFFF00) | i, VR.LO, "private value " + i);
        }
        a.setInt(0x00280002, VR.US, 1);
        a.setString(0x00280004, VR.CS, "MONOCHROME2");
        a.setInt(0x00280010, VR.US, 512);
        a.setInt(0x00280011, VR.US, 512);
        a.setString(0x00280030, VR.DS, "0.683594", "0.683594");
        a.setInt(0x00280100, VR.US, 16);
        a.setInt(0x00280101, VR.US, 12);
        a.setInt(0x00280102, VR.US, 11);
        a.setInt(0x00280103, VR.US, 0);
        a.setString(0x00281050, VR.DS, "40");
        a.setString(0x00281051, VR.DS, "400");
        a.setString(0x00281052, VR.DS, "-1024");
        a.setString(0x00281053, VR.DS, "1");
        a.setBytes(0x7FE00010, VR.OW, new byte[512 * 512 * 2]);
        FileMetaInformation fmi = FileMetaInformation.create(a.getString(0x00080016),
                a.getString(0x00080018), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomOutputStream dos = new DicomOutputStream(out)) {
            dos.writeFile(fmi, a);
        }
        return out.toByteArray();
    }
}
