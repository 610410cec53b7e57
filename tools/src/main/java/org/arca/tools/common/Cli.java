package org.arca.tools.common;

import java.io.PrintStream;

/** How the tools end: usage errors exit 1 after a hint, like DCMTK. */
public final class Cli {
    private Cli() {
    }

    public static int usageError(String tool, UsageException e, PrintStream err) {
        err.println(tool + ": " + e.getMessage());
        err.println("try '" + tool + " --help' for more information");
        return 1;
    }
}
