package org.arca.tools.findscu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.tools.dcmdump.DumpWriter;

/** Prints C-FIND responses in DCMTK findscu's layout ("I: Find Response: n (Pending)" and a dump). */
final class ResponsePrinter {
    private final PrintStream out;
    private int count;

    ResponsePrinter(PrintStream out) {
        this.out = out;
    }

    static Attributes decode(byte[] data, String tsuid) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(data), TransferSyntax.of(tsuid))) {
            return in.readDataset();
        }
    }

    void pending(Attributes identifier, String tsuid) {
        out.println("I: ---------------------------");
        out.println("I: Find Response: " + (++count) + " (Pending)");
        dataSet(identifier, tsuid);
    }

    /** A data set as "I: "-prefixed dcmdump lines, between blank "I: " lines. */
    void dataSet(Attributes ds, String tsuid) {
        TransferSyntax ts = TransferSyntax.of(tsuid);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
        p.println();
        p.println("# Dicom-Data-Set");
        p.println("# Used TransferSyntax: " + name(ts));
        new DumpWriter(p, 64).write(ds, ts.explicitVR(), 0);
        p.println();
        for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
            out.println("I: " + line);
        }
    }

    int count() {
        return count;
    }

    /** DCMTK's names of the uncompressed syntaxes. */
    static String name(TransferSyntax ts) {
        if (ts.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            return "Little Endian Implicit";
        }
        if (ts.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)) {
            return "Big Endian Explicit";
        }
        return ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) ? "Little Endian Explicit" : ts.uid();
    }
}
