package org.arca.tools.storescp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arca.tools.common.Args;
import org.arca.tools.common.Log;
import org.arca.tools.common.TlsOptions;
import org.arca.tools.common.UsageException;

/** storescp's command line, DCMTK option names and defaults, checked for DCMTK's conflicts. */
final class StoreScpOptions {
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    /**
     * Network transfer syntaxes in preference order. +xa takes the syntaxes DCMTK's manual lists
     * for --accept-all; like DCMTK's storescp (observed) it prefers a compressed or deflated
     * syntax when one is proposed, then explicit LE, explicit BE, implicit LE.
     */
    enum Accept {
        DEFAULT(EXPLICIT_LE, EXPLICIT_BE, IMPLICIT_LE),
        BIG(EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE),
        IMPLICIT(IMPLICIT_LE),
        ALL("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
                "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
                "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101", "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.103",
                "1.2.840.10008.1.2.4.104", "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.106", "1.2.840.10008.1.2.5",
                "1.2.840.10008.1.2.1.99", EXPLICIT_LE, EXPLICIT_BE, IMPLICIT_LE);

        final String[] syntaxes;

        Accept(String... syntaxes) {
            this.syntaxes = syntaxes;
        }
    }

    enum Sort { NONE, CONC_STUDIES, STUDY_UID, PATIENT_NAME }

    enum Naming { DEFAULT, UNIQUE, TIME }

    String aet = "STORESCP";
    String bind = "127.0.0.1";
    int port = 11113;
    Path outputDir = Path.of(".");
    int maxPdu = 16384;
    int acseTimeoutSeconds = 30;
    int dimseTimeoutSeconds;
    Accept accept = Accept.DEFAULT;
    boolean promiscuous;
    boolean refuse;
    boolean rejectWithoutImplementationUID;
    boolean ignore;
    boolean bitPreserving;
    /** Output transfer syntax; null writes what was received (+t=). */
    String writeTransferSyntax;
    Sort sort = Sort.NONE;
    String sortPrefix = "";
    Naming naming = Naming.DEFAULT;
    String extension = "";
    String execOnReception;
    String execOnEndOfStudy;
    boolean execSync;
    int endOfStudyTimeoutSeconds;
    final TlsOptions tls = new TlsOptions();
    final Log log;
    boolean help;

    StoreScpOptions(Log log) {
        this.log = log;
    }

    static StoreScpOptions parse(String[] argv, Log log) throws UsageException {
        StoreScpOptions o = new StoreScpOptions(log);
        Args args = new Args(argv);
        List<String> positional = new ArrayList<>();
        while (args.hasNext()) {
            String w = args.next();
            if (!Args.isOption(w)) {
                positional.add(w);
                continue;
            }
            if (!o.option(w, args)) {
                throw new UsageException("unknown option " + w);
            }
        }
        if (positional.size() > 1) {
            throw new UsageException("too many parameters: " + positional);
        }
        if (positional.size() == 1) {
            o.port = Args.port(positional.get(0));
        }
        o.check();
        return o;
    }

    private boolean option(String w, Args args) throws UsageException {
        switch (w) {
            case "-h": case "--help": help = true; return true;
            case "-aet": case "--aetitle": aet = args.param(w); return true;
            case "--bind": bind = args.param(w); return true;
            case "-od": case "--output-directory": outputDir = Path.of(args.param(w)); return true;
            case "-pdu": case "--max-pdu": maxPdu = args.intParam(w, 4096, 131072); return true;
            case "-ta": case "--acse-timeout": acseTimeoutSeconds = args.intParam(w, 1, 86400); return true;
            case "-td": case "--dimse-timeout": dimseTimeoutSeconds = args.intParam(w, 1, 86400); return true;
            case "+x=": case "--prefer-uncompr": case "+xe": case "--prefer-little": accept = Accept.DEFAULT; return true;
            case "+xb": case "--prefer-big": accept = Accept.BIG; return true;
            case "+xi": case "--implicit": accept = Accept.IMPLICIT; return true;
            case "+xa": case "--accept-all": accept = Accept.ALL; return true;
            case "-pm": case "--promiscuous": promiscuous = true; return true;
            case "--refuse": refuse = true; return true;
            case "--reject": rejectWithoutImplementationUID = true; return true;
            case "--ignore": ignore = true; return true;
            case "+B": case "--bit-preserving": bitPreserving = true; return true;
            case "-B": case "--normal": bitPreserving = false; return true;
            case "+t=": case "--write-xfer-same": writeTransferSyntax = null; return true;
            case "+te": case "--write-xfer-little": writeTransferSyntax = EXPLICIT_LE; return true;
            case "+tb": case "--write-xfer-big": writeTransferSyntax = EXPLICIT_BE; return true;
            case "+ti": case "--write-xfer-implicit": writeTransferSyntax = IMPLICIT_LE; return true;
            case "-ss": case "--sort-conc-studies": sort = Sort.CONC_STUDIES; sortPrefix = args.param(w); return true;
            case "-su": case "--sort-on-study-uid": sort = Sort.STUDY_UID; sortPrefix = args.param(w); return true;
            case "-sp": case "--sort-on-patientname": sort = Sort.PATIENT_NAME; sortPrefix = ""; return true;
            case "-uf": case "--default-filenames": naming = Naming.DEFAULT; return true;
            case "+uf": case "--unique-filenames": naming = Naming.UNIQUE; return true;
            case "-tn": case "--timenames": naming = Naming.TIME; return true;
            case "-fe": case "--filename-extension": extension = args.param(w); return true;
            case "-xcr": case "--exec-on-reception": execOnReception = args.param(w); return true;
            case "-xcs": case "--exec-on-eostudy": execOnEndOfStudy = args.param(w); return true;
            case "-xs": case "--exec-sync": execSync = true; return true;
            case "-tos": case "--eostudy-timeout": endOfStudyTimeoutSeconds = args.intParam(w, 1, 86400); return true;
            default: return log.option(w) || tls.option(w, args);
        }
    }

    /** The combinations DCMTK's storescp refuses, with its reasons. */
    private void check() throws UsageException {
        if (bitPreserving && sort != Sort.NONE) {
            throw new UsageException("sorting (-ss/-su/-sp) not allowed with --bit-preserving");
        }
        if (bitPreserving && writeTransferSyntax != null) {
            throw new UsageException("an output transfer syntax (+te/+tb/+ti) is not allowed with --bit-preserving");
        }
        if (execOnEndOfStudy != null && sort == Sort.NONE) {
            throw new UsageException("--exec-on-eostudy only allowed with --sort-conc-studies, --sort-on-study-uid or --sort-on-patientname");
        }
        if (endOfStudyTimeoutSeconds > 0 && sort == Sort.NONE) {
            throw new UsageException("--eostudy-timeout only allowed with --sort-xxx or --exec-on-eostudy");
        }
    }

    static String usage() {
        return "usage: storescp [options] [port]   (default: AE STORESCP on 127.0.0.1:11113)\n"
                + "  -aet aetitle     my AE title (default STORESCP); any called AE title is answered\n"
                + "  --bind addr      listen on addr (default 127.0.0.1)\n"
                + "  -od dir          output directory (default .)\n"
                + "  -pdu n           max receive PDU length, 4096..131072 (default 16384)\n"
                + "  -ta s / -td s    ACSE / DIMSE timeout in seconds (default 30 / none)\n"
                + "  +x= +xe +xb +xi  accepted network transfer syntaxes (explicit LE first / BE first / implicit only)\n"
                + "  +xa              accept all syntaxes of DCMTK's list (compressed preferred, as DCMTK does)\n"
                + "  -pm              promiscuous: accept unknown SOP classes\n"
                + "  --refuse         refuse every association; --reject: those without Implementation Class UID\n"
                + "  --ignore         receive but do not store\n"
                + "  +B               bit preserving: our file meta information, then the data set as received\n"
                + "  +t= +te +tb +ti  write as received / explicit LE / explicit BE / implicit LE\n"
                + "  -ss p / -su p / -sp   sort into p_YYYYMMDD_HHMMSSPPP / p_StudyUID / PatientName_YYYYMMDD_HHMMSSPPP\n"
                + "  -uf / +uf / -tn  file names: MODALITY.SOPInstanceUID / MODALITY.X.newUID / timestamp\n"
                + "  -fe ext          append ext to file names\n"
                + "  -xcr cmd         run cmd after each object (#p dir, #f file, #a calling, #c called AE, #r peer)\n"
                + "  -xcs cmd         run cmd at the end of each study (with sorting)\n"
                + "  -xs              run the commands synchronously\n"
                + "  -tos s           a study ends after s seconds without an object\n"
                + "  -v / -d / -q     verbose / debug / quiet\n"
                + TlsOptions.usage();
    }
}
