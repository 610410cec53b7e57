package org.arca.tools.scu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.RoleSelection;
import org.arca.tools.storescp.ScpRunner;
import org.arca.tools.storescu.StoreScu;
import org.arca.tools.support.Orthanc;
import org.arca.tools.support.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** C-MOVE and C-GET from Orthanc with the library's SCU (Association.move / get). */
class RetrieveFromOrthancTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STUDY_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    private static final String STUDY_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String CT_IUID = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = Files.createTempDirectory("retrieve");
    }

    @AfterEach
    void clean() throws Exception {
        Peers.deleteTree(dir);
    }

    private static byte[] studyKeys() throws Exception {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, CT_STUDY);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DicomOutputStream out = new DicomOutputStream(b)) {
            out.writeDataset(keys, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return b.toByteArray();
    }

    private static byte[] fileDataSet(Path f) throws Exception {
        byte[] b = Files.readAllBytes(f);
        int gl = (b[140] & 0xFF) | (b[141] & 0xFF) << 8 | (b[142] & 0xFF) << 16 | (b[143] & 0xFF) << 24;
        return Arrays.copyOfRange(b, 144 + gl, b.length);
    }

    /** Orthanc re-encodes (group lengths dropped), so the pixels and identity are compared, not all bytes. */
    private static void assertSameImage(byte[] dataSet) throws Exception {
        Attributes expected = parse(fileDataSet(Peers.sample("CT_small.dcm")));
        Attributes got = parse(dataSet);
        assertEquals(CT_IUID, got.getString(Tag.SOPInstanceUID));
        assertEquals(expected.getString(Tag.PatientName), got.getString(Tag.PatientName));
        assertArrayEquals(expected.getBytes(Tag.PixelData), got.getBytes(Tag.PixelData));
    }

    private static Attributes parse(byte[] dataSet) throws Exception {
        try (DicomInputStream in = new DicomInputStream(new java.io.ByteArrayInputStream(dataSet),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            return in.readDataset();
        }
    }

    private static void store(Orthanc orthanc) {
        int rc = StoreScu.run(new String[] {"-aec", Orthanc.AET, "127.0.0.1", String.valueOf(orthanc.dicomPort),
                Peers.sample("CT_small.dcm").toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);
        assertEquals(0, rc);
    }

    @Test
    void cMoveToOurStorescp() throws Exception {
        try (ScpRunner.Ours scp = new ScpRunner.Ours("-aet", "ARCASCP", "-od", dir.toString());
             Orthanc orthanc = new Orthanc(new Orthanc.Modality("ARCASCP", scp.port()))) {
            store(orthanc);
            AAssociateRQ rq = new AAssociateRQ();
            rq.callingAET("MOVESCU");
            rq.calledAET(Orthanc.AET);
            rq.propose(STUDY_MOVE, EXPLICIT_LE);
            Association as = Association.connect("127.0.0.1", orthanc.dicomPort, rq, new ConnectionOptions());
            List<Integer> pending = new ArrayList<>();
            DimseResponse rsp;
            try {
                rsp = as.move(STUDY_MOVE, "ARCASCP", studyKeys(), p -> pending.add(p.remaining()));
                as.release();
            } finally {
                as.abort();
            }
            assertEquals(Status.SUCCESS, rsp.status(), orthanc.log());
            assertEquals(1, rsp.completed());
            assertEquals(0, rsp.failed());
            Path moved = dir.resolve("CT." + CT_IUID);
            assertTrue(Files.isRegularFile(moved), String.valueOf(Files.list(dir).toList()));
            assertSameImage(fileDataSet(moved));
        }
    }

    @Test
    void cGetOnTheSameAssociation() throws Exception {
        try (Orthanc orthanc = new Orthanc()) {
            store(orthanc);
            AAssociateRQ rq = new AAssociateRQ();
            rq.callingAET("GETSCU");
            rq.calledAET(Orthanc.AET);
            rq.propose(STUDY_GET, EXPLICIT_LE);
            rq.propose(CT, EXPLICIT_LE);
            rq.userInformation().addRoleSelection(new RoleSelection(CT, false, true));
            List<byte[]> received = new ArrayList<>();
            List<String> iuids = new ArrayList<>();
            ServiceHandlers mine = new ServiceHandlers().onStore((srq, data) -> {
                iuids.add(srq.sopInstanceUID());
                received.add(data.readAllBytes());
                return Status.SUCCESS;
            });
            Association as = Association.connect("127.0.0.1", orthanc.dicomPort, rq, new ConnectionOptions(), mine);
            DimseResponse rsp;
            try {
                rsp = as.get(STUDY_GET, studyKeys(), null);
                as.release();
            } finally {
                as.abort();
            }
            assertEquals(Status.SUCCESS, rsp.status(), orthanc.log());
            assertEquals(1, rsp.completed());
            assertEquals(List.of(CT_IUID), iuids);
            assertSameImage(received.get(0));
        }
    }
}
