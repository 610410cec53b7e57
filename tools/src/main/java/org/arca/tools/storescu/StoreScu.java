package org.arca.tools.storescu;

import java.io.PrintStream;
import org.arca.tools.common.Cli;
import org.arca.tools.common.Log;
import org.arca.tools.common.UsageException;

/** storescu: sends DICOM files and directories to a Storage SCP (see {@link StoreScuOptions#usage()}). */
public final class StoreScu {
    private StoreScu() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Log log = new Log(err);
        StoreScuOptions o;
        try {
            o = StoreScuOptions.parse(args, log);
        } catch (UsageException e) {
            return Cli.usageError("storescu", e, err);
        }
        if (o.help) {
            out.print(StoreScuOptions.usage());
            return 0;
        }
        try {
            int failed = new StoreScuService(o.scu, out).run(o.scu.rest, o.recursive);
            out.flush();
            return failed == 0 ? 0 : 1;
        } catch (Exception e) {
            log.error("storescu: " + e.getMessage());
            return 2;
        }
    }
}
