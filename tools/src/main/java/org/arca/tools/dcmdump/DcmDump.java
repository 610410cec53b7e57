package org.arca.tools.dcmdump;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.FileMetaInformation;
import org.arca.dicom.io.TransferSyntax;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dcmdump: prints DICOM files like DCMTK's dcmdump (tag, VR, value, length, VM, keyword).
 * Options: {@code +L} print long values completely, {@code +sb TAG} stop before the element
 * (gggg,eeee), {@code -B N} keep values of N bytes or more as bulk data references.
 * Exit status 1 when a file cannot be parsed (the error names element and offset).
 */
public final class DcmDump {

    private DcmDump() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int maxValue = 64;
        int stopTag = -1;
        long bulkThreshold = Long.MAX_VALUE;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "+L":
                    maxValue = Integer.MAX_VALUE;
                    break;
                case "+sb":
                    stopTag = parseTag(args[++i]);
                    break;
                case "-B":
                    bulkThreshold = Long.parseLong(args[++i]);
                    break;
                case "-h": case "--help":
                    out.println("usage: dcmdump [+L] [+sb gggg,eeee] [-B bytes] dcmfile-in...");
                    return 0;
                default:
                    files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println("dcmdump: no input file");
            return 2;
        }
        int status = 0;
        for (Path file : files) {
            try {
                dump(file, stopTag, bulkThreshold, new DumpWriter(out, maxValue), out);
            } catch (IOException e) {
                err.println("E: dcmdump: " + file + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    static void dump(Path file, int stopTag, long bulkThreshold, DumpWriter writer, PrintStream out)
            throws IOException {
        try (DicomInputStream in = new DicomInputStream(file)) {
            in.setBulkDataThreshold(bulkThreshold);
            FileMetaInformation fmi = in.readFileMetaInformation();
            TransferSyntax ts = in.transferSyntax();
            Attributes dataset = in.readDataset(stopTag);
            out.println();
            out.println(fmi != null ? "# Dicom-File-Format" : "# Dicom-Data-Set");
            if (fmi != null) {
                out.println();
                out.println("# Dicom-Meta-Information-Header");
                out.println("# Used TransferSyntax: " + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                writer.write(fmi.attributes(), true, 0);
                out.println();
                out.println("# Dicom-Data-Set");
            }
            out.println("# Used TransferSyntax: " + ts);
            writer.write(dataset, ts.explicitVR(), 0);
        }
    }

    private static int parseTag(String s) {
        String hex = s.replace("(", "").replace(")", "").replace(",", "");
        return (int) Long.parseLong(hex, 16);
    }
}
