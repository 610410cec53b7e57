package org.arca.dicom.net;

import java.io.IOException;
import org.arca.dicom.net.pdu.AAssociateRJ;

/** The peer answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ. */
public final class AssociationRejectedException extends IOException {
    private final AAssociateRJ rj;

    public AssociationRejectedException(AAssociateRJ rj) {
        super("association rejected: result=" + rj.result() + " source=" + rj.source() + " reason=" + rj.reason());
        this.rj = rj;
    }

    public AAssociateRJ reject() {
        return rj;
    }

    public int result() {
        return rj.result();
    }

    public int source() {
        return rj.source();
    }

    public int reason() {
        return rj.reason();
    }
}
