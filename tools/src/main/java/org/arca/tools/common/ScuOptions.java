package org.arca.tools.common;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.net.ConnectionOptions;

/**
 * The options every SCU tool shares (DCMTK names): {@code -aet -aec -pdu -to -ta -td}, TLS,
 * logging; then "peer port" and the tool's own positional parameters.
 */
public final class ScuOptions {
    public String callingAET;
    public String calledAET = "ANY-SCP";
    public String host;
    public int port;
    public int maxPdu = 16384;
    public int connectTimeoutSeconds = 10;
    public int acseTimeoutSeconds = 30;
    public int dimseTimeoutSeconds;
    public final TlsOptions tls = new TlsOptions();
    public final Log log;
    /** Positional parameters after peer and port. */
    public final List<String> rest = new ArrayList<>();

    public ScuOptions(String defaultCallingAET, Log log) {
        this.callingAET = defaultCallingAET;
        this.log = log;
    }

    /** Consumes a shared option; returns false for any other. */
    public boolean option(String opt, Args args) throws UsageException {
        switch (opt) {
            case "-aet": case "--aetitle": callingAET = args.param(opt); return true;
            case "-aec": case "--call": calledAET = args.param(opt); return true;
            case "-pdu": case "--max-pdu": maxPdu = args.intParam(opt, 4096, 131072); return true;
            case "-to": case "--timeout": connectTimeoutSeconds = args.intParam(opt, 1, 86400); return true;
            case "-ta": case "--acse-timeout": acseTimeoutSeconds = args.intParam(opt, 1, 86400); return true;
            case "-td": case "--dimse-timeout": dimseTimeoutSeconds = args.intParam(opt, 1, 86400); return true;
            default: return log.option(opt) || tls.option(opt, args);
        }
    }

    /** Takes peer, port and the remaining positionals; at least {@code minRest} of those. */
    public void positionals(List<String> words, int minRest) throws UsageException {
        if (words.size() < 2 + minRest) {
            throw new UsageException("missing parameter: peer port" + (minRest > 0 ? " and more" : ""));
        }
        host = words.get(0);
        port = Args.port(words.get(1));
        rest.addAll(words.subList(2, words.size()));
    }

    public ConnectionOptions connectionOptions() throws IOException, GeneralSecurityException {
        // the tools wait for each response on the thread that sent the request: no reader thread
        return new ConnectionOptions()
                .callerReads(true)
                .maxPduLength(maxPdu)
                .connectTimeout(connectTimeoutSeconds * 1000)
                .acseTimeout(acseTimeoutSeconds * 1000)
                .dimseTimeout(dimseTimeoutSeconds * 1000)
                .tls(tls.build());
    }

    public static String usage() {
        return "  -aet  aetitle    calling AE title\n"
                + "  -aec  aetitle    called AE title (default ANY-SCP)\n"
                + "  -pdu  n          max receive PDU length, 4096..131072 (default 16384)\n"
                + "  -to / -ta / -td  s   connect / ACSE / DIMSE timeout in seconds\n"
                + "  -v / -d / -q     verbose / debug / quiet\n"
                + TlsOptions.usage();
    }
}
