package org.arca.tools.storescp;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import org.arca.dicom.dict.UID;
import org.arca.dicom.net.ApplicationEntity;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.DicomServer;
import org.arca.dicom.net.TransferCapability;
import org.arca.dicom.net.pdu.AAssociateRJ;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.tools.common.Log;

/**
 * The storescp service: one AE answering to any called AE title (as DCMTK's storescp does),
 * Verification and the Storage SOP classes (any SOP class with -pm) in the transfer syntaxes
 * chosen by +x..., and the C-STORE handler.
 */
final class StoreScpServer implements AutoCloseable {
    private final StoreScpOptions options;
    private final CommandRunner runner;
    private final StudySorter sorter;
    private DicomServer server;

    StoreScpServer(StoreScpOptions options) {
        this.options = options;
        this.runner = new CommandRunner(options.execSync, options.log);
        this.sorter = new StudySorter(options, runner);
    }

    StoreScpServer start() throws IOException, GeneralSecurityException {
        if (!options.ignore && !Files.isDirectory(options.outputDir)) {
            throw new IOException("specified output directory does not exist: " + options.outputDir);
        }
        ApplicationEntity ae = new ApplicationEntity(options.aet);
        String[] syntaxes = options.accept.syntaxes;
        ae.addTransferCapability(TransferCapability.scp(Association.VERIFICATION, syntaxes));
        if (options.promiscuous) {
            ae.addTransferCapability(TransferCapability.scp(TransferCapability.ANY, syntaxes));
        } else {
            for (String cuid : UID.storageSopClasses()) {
                ae.addTransferCapability(TransferCapability.scp(cuid, syntaxes));
            }
        }
        ae.associationFilter(this::filter);
        ae.onStore(new ReceivedObjectWriter(options, sorter, runner));
        Log log = options.log;
        ConnectionOptions co = new ConnectionOptions()
                .maxPduLength(options.maxPdu)
                // about 2 MB in flight per association, so the socket keeps streaming while a file is written
                .receiveQueueFragments(Math.max(8, (2 << 20) / options.maxPdu))
                .artimTimeout(options.acseTimeoutSeconds * 1000)
                .acseTimeout(options.acseTimeoutSeconds * 1000)
                .dimseTimeout(options.dimseTimeoutSeconds * 1000)
                .idleTimeout(options.dimseTimeoutSeconds * 1000)
                .tls(options.tls.build());
        server = new DicomServer(co).addApplicationEntity(ae).defaultApplicationEntity(ae);
        server.onAssociation(as -> {
            log.info("Association Received " + as.remoteAddress() + ": \"" + as.callingAET() + "\" -> \""
                    + as.calledAET() + "\"");
            as.onClose(a -> log.info(a.closeCause() == null ? "Association Release"
                    : "Association Aborted: " + a.closeCause().getMessage()));
        });
        server.start(options.bind, options.port);
        return this;
    }

    int port() {
        return server.port();
    }

    /** --refuse and --reject answer A-ASSOCIATE-RJ permanent, service-user, no-reason-given, like DCMTK. */
    private AAssociateRJ filter(AAssociateRQ rq) {
        String implClassUID = rq.userInformation().implClassUID();
        boolean reject = options.refuse
                || (options.rejectWithoutImplementationUID && (implClassUID == null || implClassUID.isEmpty()));
        if (!reject) {
            return null;
        }
        options.log.info((options.refuse ? "Refusing" : "Rejecting (no Implementation Class UID)")
                + " association from \"" + rq.callingAET() + "\"");
        return new AAssociateRJ(AAssociateRJ.RESULT_REJECTED_PERMANENT, AAssociateRJ.SOURCE_SERVICE_USER,
                AAssociateRJ.NO_REASON_GIVEN);
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        sorter.close();
    }
}
