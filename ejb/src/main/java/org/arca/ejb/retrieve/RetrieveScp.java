package org.arca.ejb.retrieve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.GetResponder;
import org.arca.dicom.net.dimse.RetrieveRequest;
import org.arca.dicom.net.dimse.RetrieveResponder;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.ejb.query.QueryService;
import org.arca.ejb.storage.Storages;

/**
 * C-MOVE and C-GET SCP: locates the instances, then sends them (C-MOVE on a new association to
 * the destination configured for the Move Destination AE title, C-GET back over the request's
 * association), with a pending response and its counts before each sub-operation.
 */
public final class RetrieveScp {
    private static final Logger LOG = Logger.getLogger(RetrieveScp.class.getName());
    private static final int MAX_PRESENTATION_CONTEXTS = 128;

    private final RetrieveService retrieve;
    private final Storages storages;
    private final MoveDestination.Resolver destinations;
    private final ConnectionOptions options;

    public RetrieveScp(RetrieveService retrieve, Storages storages, MoveDestination.Resolver destinations,
                       ConnectionOptions options) {
        this.retrieve = retrieve;
        this.storages = storages;
        this.destinations = destinations;
        this.options = options;
    }

    public int onMove(RetrieveRequest rq, byte[] keys, RetrieveResponder rsp) throws Exception {
        List<InstanceLocation> insts = locate(rq, keys);
        MoveDestination dest = destinations.resolve(rq.moveDestination());
        if (dest == null) {
            throw new DicomServiceException(Status.MOVE_DESTINATION_UNKNOWN,
                    "Unknown Move Destination " + rq.moveDestination());
        }
        if (insts.isEmpty()) {
            return Status.SUCCESS;
        }
        AAssociateRQ arq = new AAssociateRQ();
        arq.callingAET(rq.calledAET());
        arq.calledAET(dest.aeTitle());
        propose(arq, insts);
        InstanceSender sender = new InstanceSender(storages);
        Association as;
        try {
            as = Association.connect(dest.host(), dest.port(), arq, options);
        } catch (Exception e) {
            // no sub-operation could start: all of them failed (A702 with the full list)
            LOG.warning("C-MOVE destination " + dest + " not reachable: " + e);
            sender.failAll(insts);
            rsp.counts(0, 0, sender.failed, 0);
            return finish(rq, rsp, sender);
        }
        try {
            sendAll(insts, rsp, sender, as, (cuid, iuid, ts, data) -> as.store(cuid, iuid, ts, data,
                    rq.callingAET(), rq.messageID()).status());
        } finally {
            if (as.isOpen()) {
                as.release();
            }
        }
        return finish(rq, rsp, sender);
    }

    public int onGet(RetrieveRequest rq, byte[] keys, GetResponder rsp) throws Exception {
        List<InstanceLocation> insts = locate(rq, keys);
        InstanceSender sender = new InstanceSender(storages);
        sendAll(insts, rsp, sender, rq.association(), rsp::store);
        return finish(rq, rsp, sender);
    }

    /** The final status, and the Failed SOP Instance UID List for any but a success. */
    private static int finish(RetrieveRequest rq, RetrieveResponder rsp, InstanceSender sender) throws Exception {
        int status = rq.isCancelled() ? Status.CANCEL : sender.finalStatus();
        if (status != Status.SUCCESS) {
            rsp.finalIdentifier(FailedInstances.identifier(sender.failedUIDs(), rq.transferSyntax()));
        }
        return status;
    }

    private List<InstanceLocation> locate(RetrieveRequest rq, byte[] keys) throws DicomServiceException {
        Attributes k = QueryService.parseIdentifier(keys, rq.transferSyntax());
        return retrieve.locate(rq.sopClassUID(), k);
    }

    private static void sendAll(List<InstanceLocation> insts, RetrieveResponder rsp, InstanceSender sender,
                                Association as, InstanceSender.StoreCall call) throws Exception {
        int n = insts.size();
        for (int i = 0; i < n; i++) {
            if (!rsp.pending(n - i, sender.completed, sender.failed, sender.warning)) {
                rsp.counts(n - i, sender.completed, sender.failed, sender.warning);
                return;
            }
            sender.send(as, insts.get(i), call);
        }
        rsp.counts(0, sender.completed, sender.failed, sender.warning);
    }

    /** One context per SOP class and stored syntax, and one per SOP class for the uncompressed ones. */
    private static void propose(AAssociateRQ arq, List<InstanceLocation> insts) {
        Set<String> offered = new LinkedHashSet<>();
        for (InstanceLocation i : insts) {
            if (offered.size() >= MAX_PRESENTATION_CONTEXTS - 1) {
                break;
            }
            String ts = i.location().transferSyntaxUID();
            if (offered.add(i.sopClassUID() + '|' + ts)) {
                arq.propose(i.sopClassUID(), ts);
            }
            if (offered.add(i.sopClassUID() + "|*")) {
                arq.propose(i.sopClassUID(), InstanceSender.EXPLICIT_LE, InstanceSender.IMPLICIT_LE);
            }
        }
    }
}
