package org.arca.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.dicom.net.support.PduRecordingProxy;
import org.arca.dicom.net.support.ReferenceStorescp;
import org.junit.jupiter.api.Test;

/** Our SCU against DCMTK storescp (bit-preserving, so the stored data set is what we sent). */
class ArcaScuToStorescpTest {
    /** Distinct SOP instances in six transfer syntaxes (ExplLE, ImplLE, ExplBE, RLE, J2K, JPEG baseline). */
    private static final String[] FILES = {"CT_small.dcm", "MR_small_implicit.dcm", "ExplVR_BigEnd.dcm",
        "SC_rgb_rle.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_dcmtk.dcm"};

    @Test
    void echoAndStoreEveryTransferSyntaxUnchanged() throws Exception {
        try (ReferenceStorescp storescp = new ReferenceStorescp("STORESCP")) {
            AAssociateRQ rq = new AAssociateRQ();
            rq.callingAET("ARCASCU");
            rq.calledAET("STORESCP");
            rq.propose(Association.VERIFICATION, "1.2.840.10008.1.2");
            Part10[] files = new Part10[FILES.length];
            for (int i = 0; i < FILES.length; i++) {
                files[i] = Part10.read(Dcmtk.sample(FILES[i]));
                rq.propose(files[i].sopClassUID(), files[i].transferSyntax());
            }
            assertEquals(FILES.length, java.util.Arrays.stream(files).map(Part10::sopInstanceUID).distinct().count());
            assertEquals(FILES.length, java.util.Arrays.stream(files).map(Part10::transferSyntax).distinct().count());
            Association as = Association.connect("127.0.0.1", storescp.port, rq, new ConnectionOptions());
            assertEquals(Status.SUCCESS, as.echo());
            for (Part10 f : files) {
                assertEquals(Status.SUCCESS, as.store(f.sopClassUID(), f.sopInstanceUID(), f.transferSyntax(),
                        DataWriter.of(f.dataSet())).status(), f.file().toString());
            }
            as.release();
            assertEquals(null, as.closeCause());
            List<Part10> got = storescp.takeReceived();
            assertEquals(FILES.length, got.size(), storescp.log());
            for (Part10 f : files) {
                Part10 g = got.stream().filter(p -> p.sopInstanceUID().equals(f.sopInstanceUID())).findFirst().orElseThrow();
                assertEquals(f.transferSyntax(), g.transferSyntax());
                assertArrayEquals(f.dataSet(), g.dataSet(), f.file().toString());
            }
        }
    }

    @Test
    void weHonourStorescpsMaxPduLength() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        try (ReferenceStorescp storescp = new ReferenceStorescp("STORESCP", "-pdu", "4096");
             PduRecordingProxy proxy = new PduRecordingProxy(storescp.port)) {
            AAssociateRQ rq = new AAssociateRQ();
            rq.callingAET("ARCASCU");
            rq.calledAET("STORESCP");
            rq.propose(ct.sopClassUID(), ct.transferSyntax());
            Association as = Association.connect("127.0.0.1", proxy.port(), rq, new ConnectionOptions());
            assertEquals(Status.SUCCESS, as.store(ct.sopClassUID(), ct.sopInstanceUID(), ct.transferSyntax(),
                    DataWriter.of(ct.dataSet())).status());
            as.release();
            assertEquals(4096, as.accept().userInformation().maxPduLength());
            assertTrue(PduRecordingProxy.maxPDataLength(proxy.toServer) <= 4096, proxy.toServer.toString());
            assertTrue(PduRecordingProxy.countPData(proxy.toServer) >= ct.dataSet().length / 4096,
                    "the data set was split into PDUs of at most 4096 bytes");
            assertArrayEquals(ct.dataSet(), storescp.takeReceived().get(0).dataSet());
        }
    }
}
