package org.arca.dicom.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The DICOM files of Debian's python3-pydicom, written by others, used as test corpus. */
public final class TestFiles {

    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    public static final Path TEST_FILES = PYDICOM_DATA.resolve("test_files");
    public static final Path CHARSET_FILES = PYDICOM_DATA.resolve("charset_files");

    private TestFiles() {
    }

    public static boolean available() {
        return Files.isDirectory(TEST_FILES) && Files.isDirectory(CHARSET_FILES);
    }

    /** Every *.dcm of test_files and charset_files and every file under dicomdirtests but the READMEs. */
    public static List<Path> corpus() throws IOException {
        try (Stream<Path> a = Files.list(TEST_FILES); Stream<Path> b = Files.list(CHARSET_FILES);
             Stream<Path> c = Files.walk(TEST_FILES.resolve("dicomdirtests"))) {
            return Stream.concat(Stream.concat(a, b).filter(p -> p.toString().endsWith(".dcm")),
                            c.filter(Files::isRegularFile)
                                    .filter(p -> !p.getFileName().toString().startsWith("README")))
                    .sorted().collect(Collectors.toList());
        }
    }

    public static String name(Path p) {
        return p.startsWith(TEST_FILES) ? TEST_FILES.relativize(p).toString() : p.getFileName().toString();
    }
}
