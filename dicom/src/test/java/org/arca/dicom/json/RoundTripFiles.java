package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomParseException;
import org.arca.dicom.io.TestFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of the corpus that our parser reads (the malformed ones are CorpusTest's business). */
public final class RoundTripFiles {

    /** CorpusTest lists these five as malformed; nothing else may fail to parse. */
    public static final int MALFORMED = 5;

    private RoundTripFiles() {
    }

    public static List<Path> parseable() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : TestFiles.corpus()) {
            try {
                read(p, Long.MAX_VALUE);
                files.add(p);
            } catch (DicomParseException e) {
                // malformed on purpose
            }
        }
        return files;
    }

    /** The data set of a file; values of {@code bulkThreshold} bytes or more as BulkData. */
    public static Attributes read(Path file, long bulkThreshold) throws IOException {
        try (DicomInputStream in = new DicomInputStream(file)) {
            in.setBulkDataThreshold(bulkThreshold);
            return in.readDataset();
        }
    }
}
