package org.arca.it.core;

import org.arca.it.ConfigEntries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.support.Dcmtk;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * C-MOVE and C-GET whose sub-operations partly or wholly fail: the final response has status
 * B000 (some failed) or A702 (all failed) and carries the Failed SOP Instance UID List
 * (0008,0058) naming exactly the failed instances (PS3.4 C.4.2.3.1, C.4.3.3.1); a success
 * carries no data set. The C-MOVE destination is DCMTK storescp as STORESCP accepting CT only;
 * the C-GET SCU takes the SCP role for CT only; a destination nobody listens on fails all.
 */
@ExtendWith(ArquillianExtension.class)
class RetrieveFailuresIT {
    private static final Path CT = Dcmtk.sample("CT_small.dcm");
    private static final Path MR = Dcmtk.sample("MR_small.dcm");
    private static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";
    private static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    private static final String CT_SERIES = "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322";
    private static final String CT_IUID = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
    private static final String MR_STUDY = "1.3.6.1.4.1.5962.1.2.4.20040826185059.5457";
    private static final String MR_SERIES = "1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457";
    private static final String MR_IUID = "1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457";
    private static final int SUCCESS = 0x0000;
    private static final int SUBOPS_FAILED = 0xB000;
    private static final int UNABLE_SUBOPS = 0xA702;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("arca.ear")));
    }

    private static byte[] both() {
        return CoreScu.imageKeys(List.of(CT_STUDY, MR_STUDY), List.of(CT_SERIES, MR_SERIES), List.of(CT_IUID, MR_IUID));
    }

    private static byte[] mrOnly() {
        return CoreScu.imageKeys(List.of(MR_STUDY), List.of(MR_SERIES), List.of(MR_IUID));
    }

    private static byte[] ctOnly() {
        return CoreScu.imageKeys(List.of(CT_STUDY), List.of(CT_SERIES), List.of(CT_IUID));
    }

    @Test
    void moveToADestinationRefusingMr() throws Exception {
        assertEquals(SUCCESS, CoreScu.store(CT));
        assertEquals(SUCCESS, CoreScu.store(MR));
        Path work = Files.createDirectories(Path.of(System.getProperty("arca.root"),
                "arquillian-tests/target/core-it/move-ct-only"));
        Path received = Files.createDirectories(work.resolve("received"));
        Path cfg = work.resolve("ct-only.cfg");
        Files.writeString(cfg, """
                [[TransferSyntaxes]]
                [Uncompressed]
                TransferSyntax1 = LocalEndianExplicit
                TransferSyntax2 = LittleEndianImplicit
                [[PresentationContexts]]
                [CtOnly]
                PresentationContext1 = VerificationSOPClass\\Uncompressed
                PresentationContext2 = CTImageStorage\\Uncompressed
                [[Profiles]]
                [CtOnly]
                PresentationContexts = CtOnly
                """);
        try (Dcmtk.Server storescp = Dcmtk.startServer(11113, "storescp", "-aet", "STORESCP", "-xf", cfg.toString(),
                "CtOnly", "-od", received.toString(), "11113")) {
            DimseResponse mixed = CoreScu.move("STORESCP", both());
            assertEquals(SUBOPS_FAILED, mixed.status(), storescp.log());
            assertEquals(1, mixed.completed());
            assertEquals(1, mixed.failed());
            assertEquals(0, mixed.warning());
            assertEquals(List.of(MR_IUID), CoreScu.failedList(mixed));

            DimseResponse allFailed = CoreScu.move("STORESCP", mrOnly());
            assertEquals(UNABLE_SUBOPS, allFailed.status());
            assertEquals(0, allFailed.completed());
            assertEquals(1, allFailed.failed());
            assertEquals(List.of(MR_IUID), CoreScu.failedList(allFailed));

            DimseResponse ok = CoreScu.move("STORESCP", ctOnly());
            assertEquals(SUCCESS, ok.status());
            assertEquals(1, ok.completed());
            assertNull(ok.data(), "a successful final response carries no identifier");

            // DCMTK's movescu takes the final response with its identifier
            Dcmtk.Result movescu = Dcmtk.run(30, "movescu", "-v", "-S", "-aec", "DCM4CHEE", "-aem", "STORESCP",
                    "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + CT_STUDY + "\\" + MR_STUDY,
                    "-k", "SeriesInstanceUID=" + CT_SERIES + "\\" + MR_SERIES,
                    "-k", "SOPInstanceUID=" + CT_IUID + "\\" + MR_IUID, "127.0.0.1", "11112");
            assertTrue(movescu.output().contains("Warning"), movescu.output());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(received)) {
            files = s.toList();
        }
        assertTrue(files.stream().allMatch(p -> p.getFileName().toString().startsWith("CT.")), files.toString());
        assertTrue(!files.isEmpty(), "storescp received the CT");
    }

    @Test
    void moveToADestinationNobodyListensOn() throws Exception {
        assertEquals(SUCCESS, CoreScu.store(CT));
        assertEquals(SUCCESS, CoreScu.store(MR));
        ConfigEntries.add("dicomDeviceName=deadend," + ConfigEntries.DEVICES,
                "objectClass: dicomDevice", "dicomDeviceName: deadend", "dicomInstalled: TRUE");
        ConfigEntries.add("cn=dicom,dicomDeviceName=deadend," + ConfigEntries.DEVICES,
                "objectClass: dicomNetworkConnection", "cn: dicom", "dicomHostname: 127.0.0.1", "dicomPort: 11119");
        ConfigEntries.add("dicomAETitle=DEADEND,dicomDeviceName=deadend," + ConfigEntries.DEVICES,
                "objectClass: dicomNetworkAE", "dicomAETitle: DEADEND", "dicomAssociationInitiator: FALSE",
                "dicomAssociationAcceptor: TRUE",
                "dicomNetworkConnectionReference: cn=dicom,dicomDeviceName=deadend," + ConfigEntries.DEVICES);
        DimseResponse rsp = CoreScu.move("DEADEND", both());
        assertEquals(UNABLE_SUBOPS, rsp.status());
        assertEquals(2, rsp.failed());
        assertEquals(List.of(CT_IUID, MR_IUID).stream().sorted().toList(),
                CoreScu.failedList(rsp).stream().sorted().toList());
    }

    @Test
    void getTakingCtOnly() throws Exception {
        assertEquals(SUCCESS, CoreScu.store(CT));
        assertEquals(SUCCESS, CoreScu.store(MR));
        List<String> received = new ArrayList<>();
        DimseResponse mixed = CoreScu.get(both(), List.of(CT_CLASS), received);
        assertEquals(SUBOPS_FAILED, mixed.status());
        assertEquals(1, mixed.completed());
        assertEquals(1, mixed.failed());
        assertEquals(List.of(MR_IUID), CoreScu.failedList(mixed));
        assertEquals(List.of(CT_IUID), received);

        DimseResponse allFailed = CoreScu.get(mrOnly(), List.of(CT_CLASS), new ArrayList<>());
        assertEquals(UNABLE_SUBOPS, allFailed.status());
        assertEquals(List.of(MR_IUID), CoreScu.failedList(allFailed));

        DimseResponse ok = CoreScu.get(ctOnly(), List.of(CT_CLASS), new ArrayList<>());
        assertEquals(SUCCESS, ok.status());
        assertNull(ok.data());
    }
}
