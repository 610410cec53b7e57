package org.arca.ejb.stgcmt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomOutputStream;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.DimseRequest;
import org.arca.dicom.net.dimse.DimseResult;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.query.QueryService;
import org.arca.ejb.storage.Storages;

/**
 * Storage Commitment Push Model SCP: answers the N-ACTION at once, then checks every
 * referenced instance (indexed, same SOP class, object present and its digest unchanged) and
 * reports the result with an N-EVENT-REPORT on the same association.
 */
public final class StorageCommitmentScp {
    public static final String SOP_CLASS = "1.2.840.10008.1.20.1";
    public static final String SOP_INSTANCE = "1.2.840.10008.1.20.1.1";
    private static final Logger LOG = Logger.getLogger(StorageCommitmentScp.class.getName());
    /** The N-ACTION-RSP is sent after the handler returns; the report must not overtake it. */
    private static final long REPORT_DELAY_MS = 100;
    private static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    private static final int CLASS_INSTANCE_CONFLICT = 0x0119;

    private final DataSource dataSource;
    private final Storages storages;
    private final Executor executor;

    public StorageCommitmentScp(DataSource dataSource, Storages storages, Executor executor) {
        this.dataSource = dataSource;
        this.storages = storages;
        this.executor = executor;
    }

    public DimseResult onNAction(DimseRequest rq, byte[] info) throws Exception {
        Attributes action = QueryService.parseIdentifier(info == null ? new byte[0] : info, rq.transferSyntax());
        String tuid = action.getString(Tag.TransactionUID);
        Sequence refs = action.getSequence(Tag.ReferencedSOPSequence);
        if (tuid == null || refs == null) {
            throw new DicomServiceException(0x0120, "Missing Transaction UID or Referenced SOP Sequence");
        }
        Association as = rq.association();
        String ts = rq.transferSyntax();
        String aet = rq.calledAET();
        executor.execute(() -> report(as, ts, aet, tuid, refs));
        return DimseResult.of(Status.SUCCESS);
    }

    private void report(Association as, String ts, String aet, String tuid, Sequence refs) {
        try {
            Attributes event = new Attributes(false);
            event.setString(Tag.TransactionUID, VR.UI, tuid);
            event.setString(Tag.RetrieveAETitle, VR.AE, aet);
            Sequence ok = event.newSequence(Tag.ReferencedSOPSequence);
            Sequence failed = null;
            for (Attributes ref : refs) {
                String cuid = ref.getString(Tag.ReferencedSOPClassUID);
                String iuid = ref.getString(Tag.ReferencedSOPInstanceUID);
                int reason = verify(cuid, iuid);
                Attributes item = new Attributes(false);
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, cuid);
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, iuid);
                if (reason == 0) {
                    item.setString(Tag.RetrieveAETitle, VR.AE, aet);
                    ok.add(item);
                } else {
                    if (failed == null) {
                        failed = event.newSequence(Tag.FailedSOPSequence);
                    }
                    item.setInt(Tag.FailureReason, VR.US, reason);
                    failed.add(item);
                }
            }
            if (ok.isEmpty()) {
                event.remove(Tag.ReferencedSOPSequence);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DicomOutputStream out = new DicomOutputStream(bytes)) {
                out.writeDataset(event, TransferSyntax.of(ts));
            }
            Thread.sleep(REPORT_DELAY_MS);
            as.nEventReport(SOP_CLASS, SOP_INSTANCE, failed == null ? 1 : 2, bytes.toByteArray());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "storage commitment report " + tuid + " not sent", e);
        }
    }

    /** 0 when committed, else the failure reason. */
    int verify(String cuid, String iuid) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT i.sop_cuid, l.storage_id, l.storage_path, l.digest FROM instance i"
                        + " JOIN location l ON l.instance_fk = i.pk WHERE i.sop_iuid = ? AND l.status = 0")) {
            ps.setString(1, iuid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return NO_SUCH_OBJECT_INSTANCE;
                }
                if (!rs.getString(1).equals(cuid)) {
                    return CLASS_INSTANCE_CONFLICT;
                }
                return digestMatches(rs.getString(2), rs.getString(3), rs.getString(4)) ? 0 : Status.PROCESSING_FAILURE;
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot verify " + iuid, e);
            return Status.PROCESSING_FAILURE;
        }
    }

    private boolean digestMatches(String storageId, String path, String digest) throws Exception {
        try (InputStream in = storages.storageById(storageId).open(path)) {
            if (digest == null) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return true; // no digest kept: presence and readability is all we can check
            }
            MessageDigest md = MessageDigest.getInstance(algorithmOf(digest));
            try (DigestInputStream din = new DigestInputStream(in, md)) {
                din.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest()).equalsIgnoreCase(digest);
        } catch (IOException e) {
            return false;
        }
    }

    /** The algorithm is known by the digest's length (dcmDigestAlgorithm may have changed since). */
    private static String algorithmOf(String hex) {
        return switch (hex.length()) {
            case 32 -> "MD5";
            case 40 -> "SHA-1";
            case 64 -> "SHA-256";
            case 128 -> "SHA-512";
            default -> throw new IllegalArgumentException("unknown digest length " + hex.length());
        };
    }
}
