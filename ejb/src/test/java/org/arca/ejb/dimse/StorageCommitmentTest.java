package org.arca.ejb.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.DimseResult;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.ejb.support.Databases;
import org.junit.jupiter.api.Test;

/**
 * Storage commitment against the archive: a stored, intact instance is committed, an unknown
 * one and one whose file no longer matches its digest are reported as failed.
 */
class StorageCommitmentTest extends ArchiveNetworkTestBase {

    private static final String COMMITMENT = "1.2.840.10008.1.20.1";
    private static final String COMMITMENT_INSTANCE = "1.2.840.10008.1.20.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @Override
    Databases.Kind kind() {
        return Databases.Kind.H2;
    }

    @Test
    void commitsIntactInstancesAndReportsTheOthers() throws Exception {
        storescu("CT_small.dcm");
        String ct = uidOf("CT_small.dcm", Tag.SOPInstanceUID);

        Attributes report = commit(ct, "1.2.3.4.5.6.7.8.9");
        assertEquals(ct, report.getSequence(Tag.ReferencedSOPSequence).get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals("1.2.3.4.5.6.7.8.9",
                report.getSequence(Tag.FailedSOPSequence).get(0).getString(Tag.ReferencedSOPInstanceUID));

        Path file = storedFiles().get(0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(Files.size(file) - 1); // flip the last pixel byte: the digest no longer matches
            int b = raf.read();
            raf.seek(Files.size(file) - 1);
            raf.write(b ^ 0xFF);
        }
        report = commit(ct);
        Sequence committed = report.getSequence(Tag.ReferencedSOPSequence);
        assertTrue(committed == null || committed.size() == 0, "nothing committed once the file changed");
        assertEquals(ct, report.getSequence(Tag.FailedSOPSequence).get(0).getString(Tag.ReferencedSOPInstanceUID));
    }

    /** N-ACTION for the instances, then the N-EVENT-REPORT the archive sends on the same association. */
    private Attributes commit(String... iuids) throws Exception {
        Attributes info = new Attributes();
        info.setString(Tag.TransactionUID, VR.UI, "2.25.4711" + iuids.length);
        Sequence refs = info.newSequence(Tag.ReferencedSOPSequence);
        for (String iuid : iuids) {
            Attributes item = refs.addItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, CT);
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, iuid);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(bytes)) {
            out.writeDataset(info, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }

        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("STGCMTSCU");
        rq.calledAET(AET);
        rq.propose(COMMITMENT, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        CompletableFuture<byte[]> event = new CompletableFuture<>();
        ServiceHandlers handlers = new ServiceHandlers().onNEventReport((erq, data) -> {
            event.complete(data);
            return DimseResult.of(Status.SUCCESS);
        });
        Association as = Association.connect("127.0.0.1", server.port(), rq, new ConnectionOptions(), handlers);
        try {
            DimseResponse rsp = as.nAction(COMMITMENT, COMMITMENT_INSTANCE, 1, bytes.toByteArray());
            assertEquals(Status.SUCCESS, rsp.status());
            byte[] report = event.get(30, TimeUnit.SECONDS);
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(report),
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
                return in.readDataset();
            }
        } finally {
            as.release();
        }
    }
}
