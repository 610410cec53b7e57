package org.arca.tools.findscu;

import java.util.ArrayList;
import java.util.List;
import org.arca.tools.common.Args;
import org.arca.tools.common.Log;
import org.arca.tools.common.ScuOptions;
import org.arca.tools.common.UsageException;

/** findscu's command line: the shared SCU options, the information model and -k keys. */
final class FindScuOptions {
    static final String PATIENT_ROOT = "1.2.840.10008.5.1.4.1.2.1.1";
    static final String STUDY_ROOT = "1.2.840.10008.5.1.4.1.2.2.1";
    static final String WORKLIST = "1.2.840.10008.5.1.4.31";

    final ScuOptions scu;
    String model = WORKLIST;
    final List<String> keys = new ArrayList<>();
    boolean help;

    private FindScuOptions(Log log) {
        scu = new ScuOptions("FINDSCU", log);
    }

    static FindScuOptions parse(String[] argv, Log log) throws UsageException {
        FindScuOptions o = new FindScuOptions(log);
        Args args = new Args(argv);
        List<String> positional = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (!Args.isOption(w)) {
                positional.add(w);
                continue;
            }
            switch (w) {
                case "-h": case "--help": o.help = true; break;
                case "-P": case "--patient": o.model = PATIENT_ROOT; break;
                case "-S": case "--study": o.model = STUDY_ROOT; break;
                case "-W": case "--worklist": o.model = WORKLIST; break;
                case "-k": case "--key": o.keys.add(args.param(w)); break;
                default:
                    if (!o.scu.option(w, args)) {
                        throw new UsageException("unknown option " + w);
                    }
            }
        }
        if (!o.help) {
            o.scu.positionals(positional, 0);
            if (!o.scu.rest.isEmpty()) {
                throw new UsageException("query files are not supported; use -k: " + o.scu.rest);
            }
        }
        return o;
    }

    static String usage() {
        return "usage: findscu [options] peer port\n"
                + "  -P / -S / -W     patient root / study root / modality worklist model (default -W, as DCMTK)\n"
                + "  -k key[=value]   query key by keyword or gggg,eeee; values separated by \\; repeatable\n"
                + ScuOptions.usage();
    }
}
