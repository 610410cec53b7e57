package org.arca.tools.storescu;

import java.util.ArrayList;
import java.util.List;
import org.arca.tools.common.Args;
import org.arca.tools.common.Log;
import org.arca.tools.common.ScuOptions;
import org.arca.tools.common.UsageException;

/** storescu's command line: the shared SCU options, +r, then peer, port and files or directories. */
final class StoreScuOptions {
    final ScuOptions scu;
    boolean recursive;
    boolean help;

    private StoreScuOptions(Log log) {
        scu = new ScuOptions("STORESCU", log);
    }

    static StoreScuOptions parse(String[] argv, Log log) throws UsageException {
        StoreScuOptions o = new StoreScuOptions(log);
        Args args = new Args(argv);
        List<String> positional = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (!Args.isOption(w)) {
                positional.add(w);
            } else if (w.equals("-h") || w.equals("--help")) {
                o.help = true;
            } else if (w.equals("+r") || w.equals("--recurse")) {
                o.recursive = true;
            } else if (w.equals("-r") || w.equals("--no-recurse")) {
                o.recursive = false;
            } else if (w.equals("+sd") || w.equals("--scan-directories")) {
                // directories are always scanned; accepted for DCMTK compatibility
            } else if (!o.scu.option(w, args)) {
                throw new UsageException("unknown option " + w);
            }
        }
        if (!o.help) {
            o.scu.positionals(positional, 1);
        }
        return o;
    }

    static String usage() {
        return "usage: storescu [options] peer port file-or-directory...\n"
                + "  +r               recurse into subdirectories (directories are always scanned)\n"
                + ScuOptions.usage()
                + "Each file is proposed in its own transfer syntax plus the uncompressed ones, all on one\n"
                + "association; one status line per file on stdout; exit status 0 only if all succeeded.\n";
    }
}
