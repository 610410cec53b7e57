package org.arca.dicom.net.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Builds the LD_PRELOAD shim (bind-loopback.c, a resource beside this class) into the current
 * module's target/ once, so DCMTK servers bind 127.0.0.1 only. Other modules' tests use it
 * through arca-dicom's test-jar.
 */
public final class BindShim {
    private static Path built;

    private BindShim() {
    }

    public static synchronized Path path() throws Exception {
        if (built != null) {
            return built;
        }
        Path src = Path.of("target/bind-loopback.c").toAbsolutePath();
        Path so = Path.of("target/bind-loopback.so").toAbsolutePath();
        try (java.io.InputStream in = BindShim.class.getResourceAsStream("bind-loopback.c")) {
            byte[] code = in.readAllBytes();
            if (!Files.exists(src) || !java.util.Arrays.equals(code, Files.readAllBytes(src))) {
                Files.createDirectories(src.getParent());
                Files.write(src, code);
            }
        }
        if (!Files.exists(so) || Files.getLastModifiedTime(so).compareTo(Files.getLastModifiedTime(src)) < 0) {
            Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-o", so.toString(), src.toString(), "-ldl")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail("cannot build the bind shim (needs gcc, Debian package 'gcc'): "
                        + new String(p.getInputStream().readAllBytes()));
            }
        }
        built = so;
        return so;
    }
}
