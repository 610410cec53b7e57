package org.arca.dicomweb.stow;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicomweb.multipart.ContentType;
import org.arca.dicomweb.multipart.MultipartException;
import org.arca.dicomweb.multipart.MultipartParser;
import org.arca.dicomweb.multipart.Part;
import org.arca.dicomweb.rs.DicomMedia;
import org.arca.dicomweb.rs.Errors;
import org.arca.ejb.store.StoreContext;
import org.arca.ejb.store.StoreService;
import org.arca.ldap.config.StorageDescriptor;

/**
 * STOW-RS (PS3.18 10.5): reads the multipart/related body part by part and streams each
 * application/dicom part into the archive's store service (the one C-STORE uses), so a request
 * of any size passes in constant memory. Metadata (DICOM JSON or XML) with bulk data parts goes
 * through {@link MetadataParts} into the same store. Every part is answered on its own: a bad part fails
 * alone and the good ones of the same request are stored.
 */
public final class Stow {
    private static final Logger LOG = Logger.getLogger(Stow.class.getName());
    private static final String DICOM = "application/dicom";
    /** PS3.18 Table 10.5.3-2 has no code of its own for a study other than the URL's; A900 as in C-STORE. */
    private static final int STUDY_MISMATCH = Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;

    private final StoreService store;
    private final StorageDescriptor storage;
    private final String aet;
    private final String baseUrl;
    /** SOP Class and Instance UID of the part being stored, for a failure item if the body breaks off. */
    private final String[] current = new String[2];
    private final PendingParts pending;
    /** This request's objects begin their index transactions in part order. */
    private final StoreService.Order order = new StoreService.Order();

    public Stow(StoreService store, StorageDescriptor storage, String aet, String baseUrl) {
        this.store = store;
        this.storage = storage;
        this.aet = aet;
        this.baseUrl = baseUrl;
        this.pending = new PendingParts(aet);
    }

    public Response store(String studyUID, String contentType, InputStream body, DicomMedia media) throws IOException {
        ContentType ct = ContentType.parse(contentType);
        if (ct == null || !ct.is("multipart/related")) {
            return Errors.response(415, "Content-Type " + contentType
                    + " is not supported: use multipart/related; type=\"application/dicom\"");
        }
        String type = ct.parameter("type");
        boolean metadata = type != null && MetadataParts.isMetadata(ContentType.parse(type));
        if (type != null && !ContentType.parse(type).is(DICOM) && !metadata) {
            return Errors.response(415, "multipart/related of type " + type + " is not supported: use type=\""
                    + DICOM + "\", application/dicom+json or application/dicom+xml");
        }
        String boundary = ct.parameter("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MultipartParser.MAX_BOUNDARY) {
            return Errors.response(400, "Content-Type has no valid boundary parameter (1 to "
                    + MultipartParser.MAX_BOUNDARY + " characters)");
        }
        StowOutcome outcome = new StowOutcome(baseUrl);
        MultipartParser parser = new MultipartParser(body, boundary);
        Part part = null;
        MetadataParts meta = metadata ? new MetadataParts(this, studyUID, outcome) : null;
        try {
            while ((part = parser.nextPart()) != null) {
                if (meta != null) {
                    meta.read(part, type);
                } else {
                    storePart(part, studyUID, type == null ? DICOM : type, outcome);
                }
                part = null;
            }
            if (meta != null) {
                meta.storeAll();
            }
            pending.answerAll(outcome);
        } catch (MultipartException e) {
            pending.answerAll(outcome);
            if (meta != null) { // what arrived complete is stored; instances missing a bulk data part fail
                outcome.error(e.getMessage());
                meta.storeAll();
                pending.answerAll(outcome);
            } else if (part != null) { // the body ended inside this part: it is not stored
                outcome.failed(part.number(), current[0], current[1], Status.UNABLE_TO_PROCESS, e.getMessage());
            } else {
                outcome.error(e.getMessage());
            }
            if (outcome.nothingStored()) {
                return Errors.response(400, e.getMessage());
            }
        } finally {
            pending.settleAll();
            if (meta != null) {
                meta.close();
            }
        }
        if (parser.parts() == 0) {
            return Errors.response(400, "the multipart body has no parts");
        }
        return respond(outcome, studyUID, media);
    }

    private void storePart(Part part, String studyUID, String defaultType, StowOutcome outcome) throws IOException {
        current[0] = current[1] = null;
        ContentType pt = part.contentType(defaultType);
        if (!pt.is(DICOM)) {
            outcome.unsupportedType(part.number(), pt.mediaType());
            return;
        }
        Part10Reader.Part10 p10;
        try {
            p10 = Part10Reader.read(part.body());
        } catch (Part10Reader.NotDicomException e) {
            outcome.failed(part.number(), null, null, Status.UNABLE_TO_PROCESS, e.getMessage());
            return;
        }
        storeDataset(part.number(), studyUID, p10.meta().mediaStorageSOPClassUID(),
                p10.meta().mediaStorageSOPInstanceUID(), p10.meta().transferSyntaxUID(), p10.dataset(), outcome);
    }

    /** Stores one data set (no File Meta Information) encoded in {@code tsuid}; answers it in {@code outcome}. */
    void storeDataset(int partNumber, String studyUID, String cuid, String iuid, String tsuid, InputStream dataset,
                      StowOutcome outcome) throws IOException {
        current[0] = cuid;
        current[1] = iuid;
        StoreContext ctx = new StoreContext(null, aet, cuid, iuid, tsuid);
        String[] seriesAndStudy = new String[2];
        try {
            CompletableFuture<Integer> status = store.storeAsync(ctx, storage, dataset, order, header -> {
                seriesAndStudy[0] = header.getString(Tag.SeriesInstanceUID);
                seriesAndStudy[1] = header.getString(Tag.StudyInstanceUID);
                if (studyUID != null && !studyUID.equals(seriesAndStudy[1])) {
                    throw new DicomServiceException(STUDY_MISMATCH, "Study Instance UID " + seriesAndStudy[1]
                            + " of instance " + iuid + " differs from " + studyUID + " of the request URL");
                }
            });
            pending.add(partNumber, cuid, iuid, seriesAndStudy, status, outcome);
        } catch (DicomServiceException e) {
            LOG.info(() -> "STOW-RS to " + aet + ": instance " + iuid + " failed: " + e.getMessage());
            outcome.failed(partNumber, cuid, iuid, e.status(), e.getMessage());
        }
    }

    private Response respond(StowOutcome outcome, String studyUID, DicomMedia media) {
        StreamingOutput entity = out -> media.writeOne(outcome.response(studyUID), out, BulkDataPolicy.inline());
        Response.ResponseBuilder rb = Response.status(outcome.status()).type(media.type()).entity(entity);
        for (String m : outcome.messages()) {
            rb.header("Warning", "299 Arca: \"" + m.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"");
        }
        return rb.build();
    }
}
