package org.arca.it.restart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.pdu.AAssociateRQ;

/** Our SCU over one association to the archive: status and Error Comment of each C-STORE. */
final class StoreOutcomes implements AutoCloseable {

    record Outcome(Path file, int status, String errorComment) {
        @Override
        public String toString() {
            return file.getFileName() + " " + Integer.toHexString(status).toUpperCase() + " " + errorComment;
        }
    }

    private final Association as;

    StoreOutcomes(String callingAET) throws Exception {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET(callingAET);
        rq.calledAET("DCM4CHEE");
        rq.propose(SmallInstances.SC, SmallInstances.EXPLICIT_LE);
        as = Association.connect("127.0.0.1", 11112, rq, new ConnectionOptions());
    }

    List<Outcome> store(List<Path> files) throws Exception {
        List<Outcome> out = new ArrayList<>();
        for (Path f : files) {
            DimseResponse rsp = as.store(SmallInstances.SC, SmallInstances.sopInstanceUID(f), SmallInstances.EXPLICIT_LE,
                    DataWriter.of(SmallInstances.dataset(f)));
            out.add(new Outcome(f, rsp.status(), rsp.errorComment()));
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        as.release();
    }
}
