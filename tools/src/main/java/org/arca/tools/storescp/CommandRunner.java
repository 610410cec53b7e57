package org.arca.tools.storescp;

import java.io.IOException;
import org.arca.tools.common.Log;

/**
 * Runs -xcr/-xcs command lines through /bin/sh after replacing the placeholders #p (output
 * directory), #f (file name), #a (calling AE), #c (called AE) and #r (peer host). Like
 * DCMTK, the command runs in the background unless -xs asks to wait for it.
 */
final class CommandRunner {
    /** What the placeholders stand for; {@code file} is null for end-of-study commands. */
    record Context(String dir, String file, String callingAET, String calledAET, String remoteHost) {
    }

    private final boolean sync;
    private final Log log;

    CommandRunner(boolean sync, Log log) {
        this.sync = sync;
        this.log = log;
    }

    static String expand(String template, Context c) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '#' && i + 1 < template.length()) {
                String v = switch (template.charAt(i + 1)) {
                    case 'p' -> nz(c.dir());
                    case 'f' -> c.file() == null ? "#f" : c.file();
                    case 'a' -> nz(c.callingAET());
                    case 'c' -> nz(c.calledAET());
                    case 'r' -> nz(c.remoteHost());
                    default -> null;
                };
                if (v != null) {
                    sb.append(v);
                    i++;
                    continue;
                }
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    void run(String template, Context c) {
        String cmd = expand(template, c);
        log.info("executing command: " + cmd);
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", cmd).inheritIO().start();
            if (sync) {
                p.waitFor();
            }
        } catch (IOException e) {
            log.error("cannot execute command '" + cmd + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
