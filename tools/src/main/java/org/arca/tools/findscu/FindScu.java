package org.arca.tools.findscu;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.tools.common.Cli;
import org.arca.tools.common.Log;
import org.arca.tools.common.UsageException;

/**
 * findscu: one C-FIND with the -k keys, each match printed as DCMTK's findscu prints it.
 * Exit status 0 when the final response is success.
 */
public final class FindScu {
    private FindScu() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Log log = new Log(err);
        FindScuOptions o;
        Attributes keys;
        try {
            o = FindScuOptions.parse(args, log);
            if (o.help) {
                out.print(FindScuOptions.usage());
                return 0;
            }
            keys = QueryKeys.parse(o.keys);
        } catch (UsageException e) {
            return Cli.usageError("findscu", e, err);
        }
        try {
            return find(o, keys, new ResponsePrinter(out), log);
        } catch (Exception e) {
            log.error("Find SCU Failed: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
        }
    }

    private static int find(FindScuOptions o, Attributes keys, ResponsePrinter printer, Log log) throws Exception {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET(o.scu.callingAET);
        rq.calledAET(o.scu.calledAET);
        rq.userInformation().maxPduLength(o.scu.maxPdu);
        rq.propose(o.model, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        log.info("Requesting Association");
        Association as = Association.connect(o.scu.host, o.scu.port, rq, o.scu.connectionOptions());
        log.info("Association Accepted");
        try {
            int pcid = as.presentationContextFor(o.model, null);
            String ts = as.transferSyntax(pcid);
            log.info("Sending Find Request");
            DimseResponse last = as.find(o.model, QueryKeys.encode(keys, ts), rsp -> {
                try {
                    printer.pending(ResponsePrinter.decode(rsp.data(), ts), ts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            int status = last.status();
            log.info("Received Final Find Response (" + (Status.isSuccess(status) ? "Success" : Status.hex(status)) + ")");
            log.info("Releasing Association");
            as.release();
            return Status.isSuccess(status) ? 0 : 1;
        } catch (Exception e) {
            as.abort();
            throw e;
        }
    }
}
