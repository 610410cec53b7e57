package org.arca.tools.storescp;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.arca.tools.common.Cli;
import org.arca.tools.common.Log;
import org.arca.tools.common.UsageException;

/**
 * storescp: a Storage SCP with DCMTK storescp's options (see {@link StoreScpOptions#usage()}).
 * Runs until killed.
 */
public final class StoreScp {
    private StoreScp() {
    }

    public static void main(String[] args) {
        int rc = run(args, System.out, System.err);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Log log = new Log(err);
        StoreScpOptions o;
        try {
            o = StoreScpOptions.parse(args, log);
        } catch (UsageException e) {
            return Cli.usageError("storescp", e, err);
        }
        if (o.help) {
            out.print(StoreScpOptions.usage());
            return 0;
        }
        StoreScpServer server = new StoreScpServer(o);
        try {
            server.start();
        } catch (Exception e) {
            log.error("cannot start: " + e.getMessage());
            return 1;
        }
        log.info("listening as " + o.aet + " on " + o.bind + ":" + server.port());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            stop.countDown();
        }));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
