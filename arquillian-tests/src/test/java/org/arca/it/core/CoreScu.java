package org.arca.it.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.dicom.net.dimse.DimseResponse;
import org.arca.dicom.net.dimse.ServiceHandlers;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.dicom.net.pdu.RoleSelection;
import org.arca.dicom.net.support.Identifiers;
import org.arca.dicom.net.support.Part10;

/** Our own SCU against the archive (AE DCM4CHEE on 127.0.0.1:11112): it shows what DCMTK's tools hide. */
final class CoreScu {
    static final String HOST = "127.0.0.1";
    static final int PORT = 11112;
    static final String ARCHIVE = "DCM4CHEE";
    static final String EXPLICIT_LE = Identifiers.EXPLICIT_LE;
    static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
    static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";

    private CoreScu() {
    }

    /** Stores a file's data set as it is in the file (bit for bit); returns the status. */
    static int store(Path file) throws Exception {
        Part10 p = Part10.read(file);
        AAssociateRQ rq = rq();
        rq.propose(p.sopClassUID(), p.transferSyntax());
        Association as = Association.connect(HOST, PORT, rq, new ConnectionOptions());
        try {
            return as.store(p.sopClassUID(), p.sopInstanceUID(), p.transferSyntax(), DataWriter.of(p.dataSet())).status();
        } finally {
            as.release();
        }
    }

    /** An IMAGE level identifier with lists of UIDs (PS3.4 C.4.2.2.1). */
    static byte[] imageKeys(List<String> studies, List<String> series, List<String> instances) {
        return new Identifiers(EXPLICIT_LE)
                .add(0x00080018, "UI", String.join("\\", instances))
                .add(0x00080052, "CS", "IMAGE")
                .add(0x0020000D, "UI", String.join("\\", studies))
                .add(0x0020000E, "UI", String.join("\\", series))
                .bytes();
    }

    static DimseResponse move(String destination, byte[] keys) throws Exception {
        AAssociateRQ rq = rq();
        rq.propose(STUDY_ROOT_MOVE, EXPLICIT_LE);
        Association as = Association.connect(HOST, PORT, rq, new ConnectionOptions());
        try {
            return as.move(STUDY_ROOT_MOVE, destination, keys, null);
        } finally {
            as.release();
        }
    }

    /** C-GET, taking the SCP role for {@code storageClasses} only; the received UIDs go into {@code received}. */
    static DimseResponse get(byte[] keys, List<String> storageClasses, List<String> received) throws Exception {
        AAssociateRQ rq = rq();
        rq.propose(STUDY_ROOT_GET, EXPLICIT_LE);
        for (String cuid : storageClasses) {
            rq.propose(cuid, EXPLICIT_LE);
            rq.userInformation().addRoleSelection(new RoleSelection(cuid, false, true));
        }
        List<String> got = new ArrayList<>();
        ServiceHandlers mine = new ServiceHandlers().onStore((srq, data) -> {
            data.readAllBytes();
            got.add(srq.sopInstanceUID());
            return 0;
        });
        Association as = Association.connect(HOST, PORT, rq, new ConnectionOptions(), mine);
        try {
            return as.get(STUDY_ROOT_GET, keys, null);
        } finally {
            as.release();
            received.addAll(got);
        }
    }

    /**
     * C-GET of one instance, taking the SCP role for its SOP class in {@code tsuid} only (so the
     * archive must send it as stored); returns the data set bytes received, or null.
     */
    static byte[] getOne(String study, String series, String iuid, String cuid, String tsuid) throws Exception {
        AAssociateRQ rq = rq();
        rq.propose(STUDY_ROOT_GET, EXPLICIT_LE);
        rq.propose(cuid, tsuid);
        rq.userInformation().addRoleSelection(new RoleSelection(cuid, false, true));
        byte[][] got = new byte[1][];
        ServiceHandlers mine = new ServiceHandlers().onStore((srq, data) -> {
            got[0] = data.readAllBytes();
            return 0;
        });
        Association as = Association.connect(HOST, PORT, rq, new ConnectionOptions(), mine);
        try {
            DimseResponse rsp = as.get(STUDY_ROOT_GET, imageKeys(List.of(study), List.of(series), List.of(iuid)), null);
            if (rsp.status() != 0 || rsp.completed() != 1) {
                throw new java.io.IOException("C-GET of " + iuid + ": status " + Integer.toHexString(rsp.status())
                        + ", completed " + rsp.completed() + ", failed " + rsp.failed());
            }
        } finally {
            as.release();
        }
        return got[0];
    }

    /** The Failed SOP Instance UID List of a final response; empty when it carries no data set. */
    static List<String> failedList(DimseResponse rsp) throws IOException {
        if (rsp.data() == null) {
            return List.of();
        }
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(rsp.data()),
                TransferSyntax.of(EXPLICIT_LE))) {
            Attributes ds = in.readDataset();
            return List.of(ds.getStrings(org.arca.dicom.dict.Tag.FailedSOPInstanceUIDList));
        }
    }

    private static AAssociateRQ rq() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET("COREIT");
        rq.calledAET(ARCHIVE);
        return rq;
    }
}
