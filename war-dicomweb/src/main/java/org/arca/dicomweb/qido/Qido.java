package org.arca.dicomweb.qido;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.TransferSyntax;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.json.DicomJsonWriter;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.xml.DicomXmlWriter;
import org.arca.dicomweb.multipart.MultipartWriter;
import org.arca.dicomweb.rs.DicomMedia;
import org.arca.dicomweb.rs.Errors;
import org.arca.ejb.index.StoredAttributes;
import org.arca.ejb.query.QueryService;

/**
 * QIDO-RS (PS3.18 10.6): the request's parameters become C-FIND keys for the archive's query
 * service (the one C-FIND uses, so matching is the same), and the matches stream out as they
 * come from the database: a JSON array, or multipart/related of XML data sets. offset and
 * limit are applied while streaming. fuzzymatching=true is accepted and answered with a
 * Warning (PS3.18 8.3.4.1), because names are always matched literally (case-insensitively).
 */
public final class Qido {
    private final QueryService query;
    private final String aet;
    private final String baseUrl;

    public Qido(QueryService query, String aet, String baseUrl) {
        this.query = query;
        this.aet = aet;
        this.baseUrl = baseUrl;
    }

    public Response studies(MultivaluedMap<String, String> params, DicomMedia media) {
        return search(QidoLevel.STUDY, false, false, Map.of(), params, media);
    }

    public Response series(String study, MultivaluedMap<String, String> params, DicomMedia media) {
        return search(QidoLevel.SERIES, study == null, false, uids(study, null), params, media);
    }

    public Response instances(String study, String series, MultivaluedMap<String, String> params, DicomMedia media) {
        return search(QidoLevel.INSTANCE, study == null, series == null, uids(study, series), params, media);
    }

    private static Map<Integer, String> uids(String study, String series) {
        Map<Integer, String> m = new LinkedHashMap<>();
        if (study != null) {
            m.put(Tag.StudyInstanceUID, study);
        }
        if (series != null) {
            m.put(Tag.SeriesInstanceUID, series);
        }
        return m;
    }

    /**
     * {"count": n}: how many matches the same search (without offset and limit) has, for
     * .../studies/count, .../series/count, .../instances/count at every nesting.
     */
    public Response count(String path, MultivaluedMap<String, String> params) {
        String[] s = path.split("/");
        QidoLevel level = switch (s[s.length - 1]) {
            case "studies" -> QidoLevel.STUDY;
            case "series" -> QidoLevel.SERIES;
            default -> QidoLevel.INSTANCE;
        };
        String study = s.length > 1 ? s[1] : null;
        String series = s.length > 3 ? s[3] : null;
        QidoQuery q = query(level, level != QidoLevel.STUDY && study == null,
                level == QidoLevel.INSTANCE && series == null, uids(study, series), params);
        int[] n = {0};
        try {
            query.find(level.level, q.keys, false, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), aet, bytes -> {
                n[0]++;
                return true;
            });
        } catch (DicomServiceException | IOException e) {
            return Errors.response(500, "query failed: " + e.getMessage());
        }
        return Response.ok("{\"count\":" + n[0] + "}", "application/json").build();
    }

    private static QidoQuery query(QidoLevel level, boolean withStudy, boolean withSeries,
                                   Map<Integer, String> pathUIDs, MultivaluedMap<String, String> params) {
        try {
            return new QidoQuery(level, withStudy, withSeries, pathUIDs, params);
        } catch (QidoQuery.BadQueryException e) {
            throw Errors.exception(400, e.getMessage());
        }
    }

    private Response search(QidoLevel level, boolean withStudy, boolean withSeries, Map<Integer, String> pathUIDs,
                            MultivaluedMap<String, String> params, DicomMedia media) {
        QidoQuery q = query(level, withStudy, withSeries, pathUIDs, params);
        // the UIDs that make the Retrieve URL are always asked for
        for (int tag : uidTags(level)) {
            if (!q.keys.contains(tag)) {
                q.keys.setValue(tag, VR.UI, null);
            }
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = media == DicomMedia.JSON ? out -> json(level, q, out) : out -> xml(level, q, out, boundary);
        Response.ResponseBuilder rb = Response.ok(body, media == DicomMedia.JSON ? media.type()
                : DicomMedia.MULTIPART_XML + "; boundary=" + boundary);
        if (q.fuzzy) {
            rb.header("Warning", "299 Arca: \"The fuzzymatching parameter is not supported. Only literal matching"
                    + " has been performed.\"");
        }
        return rb.build();
    }

    private static int[] uidTags(QidoLevel level) {
        return switch (level) {
            case STUDY -> new int[] {Tag.StudyInstanceUID};
            case SERIES -> new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID};
            case INSTANCE -> new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID};
        };
    }

    @FunctionalInterface
    private interface MatchWriter {
        void write(Attributes match) throws IOException;
    }

    private void run(QidoLevel level, QidoQuery q, MatchWriter writer) throws IOException {
        int[] seen = {0};
        int[] sent = {0};
        try {
            query.find(level.level, q.keys, q.includeAll, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), aet, bytes -> {
                if (seen[0]++ < q.offset) {
                    return true;
                }
                if (sent[0] >= q.limit) {
                    return false;
                }
                sent[0]++;
                writer.write(finish(level, StoredAttributes.decode(bytes)));
                return true;
            });
        } catch (DicomServiceException e) {
            throw new IOException("query failed: " + e.getMessage(), e); // the response has started
        }
    }

    /** Adds the Retrieve URL of the match, drops what only C-FIND needs. */
    private Attributes finish(QidoLevel level, Attributes match) {
        match.remove(Tag.QueryRetrieveLevel);
        StringBuilder url = new StringBuilder(baseUrl).append("/studies/").append(match.getString(Tag.StudyInstanceUID));
        if (level != QidoLevel.STUDY) {
            url.append("/series/").append(match.getString(Tag.SeriesInstanceUID));
        }
        if (level == QidoLevel.INSTANCE) {
            url.append("/instances/").append(match.getString(Tag.SOPInstanceUID));
        }
        match.setString(Tag.RetrieveURL, VR.UR, url.toString());
        return match;
    }

    private void json(QidoLevel level, QidoQuery q, OutputStream out) throws IOException {
        DicomJsonWriter w = new DicomJsonWriter(out).setBulkDataPolicy(BulkDataPolicy.inline());
        w.beginArray();
        run(level, q, w::write);
        w.endArray();
        w.flush();
    }

    private void xml(QidoLevel level, QidoQuery q, OutputStream out, String boundary) throws IOException {
        MultipartWriter mp = new MultipartWriter(out, boundary);
        run(level, q, match -> {
            new DicomXmlWriter(mp.part(Map.of("Content-Type", DicomMedia.XML.type()))).write(match);
        });
        mp.finish();
    }
}
