package org.arca.dicom.net;

import org.arca.dicom.net.pdu.AAssociateAC;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.PresentationContext;

/** The presentation contexts an association may use: accepted in the A-ASSOCIATE-AC, by ID. */
final class AcceptedContexts {
    private final String[] abstractSyntax = new String[256];
    private final String[] transferSyntax = new String[256];

    AcceptedContexts(AAssociateRQ rq, AAssociateAC ac) {
        for (PresentationContext pc : ac.presentationContexts()) {
            PresentationContext proposed = rq.presentationContext(pc.id());
            if (pc.isAccepted() && proposed != null) {
                abstractSyntax[pc.id()] = proposed.abstractSyntax();
                transferSyntax[pc.id()] = pc.transferSyntax();
            }
        }
    }

    /** Accepted transfer syntax of a presentation context, null if not accepted. */
    String transferSyntax(int pcid) {
        return pcid > 0 && pcid < 256 ? transferSyntax[pcid] : null;
    }

    String abstractSyntax(int pcid) {
        return pcid > 0 && pcid < 256 ? abstractSyntax[pcid] : null;
    }

    /** First accepted presentation context for the SOP class (and transfer syntax if given), or -1. */
    int find(String cuid, String tsuid) {
        for (int id = 1; id < 256; id += 2) {
            if (cuid.equals(abstractSyntax[id]) && (tsuid == null || tsuid.equals(transferSyntax[id]))) {
                return id;
            }
        }
        return -1;
    }
}
