package org.arca.ejb.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Builds src/test/c/bind-loopback.c into target/ once, so DCMTK servers bind 127.0.0.1 only. */
public final class BindShim {
    private static Path built;

    private BindShim() {
    }

    public static synchronized Path path() throws Exception {
        if (built != null) {
            return built;
        }
        Path src = Path.of("src/test/c/bind-loopback.c").toAbsolutePath();
        Path so = Path.of("target/bind-loopback.so").toAbsolutePath();
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
