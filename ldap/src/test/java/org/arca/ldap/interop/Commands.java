package org.arca.ldap.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the OpenLDAP command-line tools and captures their output. */
public final class Commands {
    public record Result(int exit, String out, String err) {
        public Result orFail(String what) {
            if (exit != 0) throw new IllegalStateException(what + " failed (" + exit + "): " + err + out);
            return this;
        }
    }

    private Commands() {}

    public static Result run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("arca-cmd", ".out"), err = Files.createTempFile("arca-cmd", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The absolute path of a tool, or an error telling which Debian package provides it. */
    public static String tool(String name, String debianPackage) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new IllegalStateException(name + " not found: install the Debian packages slapd and ldap-utils"
                + " (./arca test does; by hand: echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections;"
                + " apt-get install -y slapd ldap-utils), this one comes from " + debianPackage);
    }
}
