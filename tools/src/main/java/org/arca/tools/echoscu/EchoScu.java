package org.arca.tools.echoscu;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.tools.common.Args;
import org.arca.tools.common.Cli;
import org.arca.tools.common.Log;
import org.arca.tools.common.ScuOptions;
import org.arca.tools.common.UsageException;

/**
 * echoscu: C-ECHO to a peer, like DCMTK's (Verification in Implicit VR Little Endian).
 * Exit status 0 when the echo succeeded.
 */
public final class EchoScu {
    private EchoScu() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static ScuOptions parse(String[] argv, Log log) throws UsageException {
        ScuOptions o = new ScuOptions("ECHOSCU", log);
        Args args = new Args(argv);
        List<String> positional = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (!Args.isOption(w)) {
                positional.add(w);
            } else if (!o.option(w, args)) {
                throw new UsageException("unknown option " + w);
            }
        }
        o.positionals(positional, 0);
        return o;
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 1 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
            out.print("usage: echoscu [options] peer port\n" + ScuOptions.usage());
            return 0;
        }
        Log log = new Log(err);
        ScuOptions o;
        try {
            o = parse(argv, log);
        } catch (UsageException e) {
            return Cli.usageError("echoscu", e, err);
        }
        try {
            AAssociateRQ rq = new AAssociateRQ();
            rq.callingAET(o.callingAET);
            rq.calledAET(o.calledAET);
            rq.userInformation().maxPduLength(o.maxPdu);
            rq.propose(Association.VERIFICATION, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
            log.info("Requesting Association");
            Association as = Association.connect(o.host, o.port, rq, o.connectionOptions());
            log.info("Association Accepted");
            int status;
            try {
                log.info("Sending Echo Request");
                status = as.echo();
                log.info("Received Echo Response (" + (Status.isSuccess(status) ? "Success" : "Status " + Status.hex(status)) + ")");
                log.info("Releasing Association");
                as.release();
            } catch (Exception e) {
                as.abort();
                throw e;
            }
            return Status.isSuccess(status) ? 0 : 1;
        } catch (Exception e) {
            log.error("Echo SCU Failed: " + e.getMessage());
            return 2;
        }
    }
}
