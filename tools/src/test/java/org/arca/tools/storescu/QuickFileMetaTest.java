package org.arca.tools.storescu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick meta reader agrees with the parser on every file it accepts, and leaves the odd ones to it. */
class QuickFileMetaTest {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private static List<Path> pydicomFiles() throws IOException {
        assertTrue(Files.isDirectory(PYDICOM), "python3-pydicom is installed");
        try (Stream<Path> walk = Files.walk(PYDICOM)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    private static Path pydicomFile(String name) throws IOException {
        return pydicomFiles().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void agreesWithTheParserOnPydicomsFiles() throws IOException {
        QuickFileMeta quick = new QuickFileMeta();
        int accepted = 0;
        int parsed = 0;
        for (Path p : pydicomFiles()) {
            InputFile full;
            try {
                full = InputFile.read(p);
                parsed++;
            } catch (IOException | RuntimeException e) {
                full = null;
            }
            InputFile q = quick.read(p);
            if (q != null) {
                accepted++;
                assertEquals(full, q, p.toString());
            }
        }
        assertTrue(parsed > 100 && accepted > parsed / 2, accepted + " of " + parsed + " files read quickly");
    }

    @Test
    void leavesTruncatedDeflatedAndForeignFilesToTheParser(@TempDir Path dir) throws IOException {
        Path ct = pydicomFile("CT_small.dcm");
        InputFile full = InputFile.read(ct);
        QuickFileMeta quick = new QuickFileMeta();
        assertEquals(full, quick.read(ct));
        Path truncated = dir.resolve("truncated.dcm");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(ct), (int) full.dataSetOffset()));
        assertNull(quick.read(truncated), "meta information only: the next element is not there");
        Path text = dir.resolve("text.txt");
        Files.writeString(text, "not DICOM");
        assertNull(quick.read(text));
        assertNull(quick.read(pydicomFile("image_dfl.dcm")), "deflated: the parser finds the data set start");
    }
}
