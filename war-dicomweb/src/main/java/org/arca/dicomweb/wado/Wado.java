package org.arca.dicomweb.wado;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.VR;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.json.BulkDataPolicy;
import org.arca.dicom.json.DicomJsonWriter;
import org.arca.dicom.xml.DicomXmlWriter;
import org.arca.dicomweb.multipart.ContentType;
import org.arca.dicomweb.multipart.MultipartWriter;
import org.arca.dicomweb.rs.DicomMedia;
import org.arca.dicomweb.rs.Errors;
import org.arca.ejb.web.InstanceMetadata;
import org.arca.ejb.web.StoredObject;
import org.arca.ejb.web.WebArchive;

/**
 * WADO-RS (PS3.18 10.4) for studies, series and instances: the objects as multipart/related of
 * application/dicom, streamed from storage one after the other; and their metadata, built from
 * the attributes in the index (no stored object is opened), with the pixel data as a
 * BulkDataURI. Unknown UIDs are 404; an Accept nothing here can produce is 406.
 */
public final class Wado {
    private final WebArchive archive;
    private final String baseUrl;

    public Wado(WebArchive archive, String baseUrl) {
        this.archive = archive;
        this.baseUrl = baseUrl;
    }

    public Response retrieve(String study, String series, String sop, String accept) throws SQLException, IOException {
        String requestedTs = requestedTransferSyntax(accept);
        List<StoredObject> objects = archive.index().locate(study, series, sop);
        if (objects.isEmpty()) {
            return Errors.response(404, "no instances stored for " + describe(study, series, sop));
        }
        List<String> tsuids = new ArrayList<>();
        for (StoredObject o : objects) {
            String ts = TransferSyntaxChoice.choose(requestedTs, o.location().transferSyntaxUID());
            if (ts == null) {
                return Errors.response(406, "instance " + o.sopInstanceUID() + " is stored in "
                        + o.location().transferSyntaxUID() + " and cannot be converted to " + requestedTs);
            }
            tsuids.add(ts);
        }
        String boundary = MultipartWriter.newBoundary();
        RetrieveBody body = RetrieveBody.of(archive.storages(), objects, tsuids, boundary, this::instanceUrl);
        Response.ResponseBuilder ok = Response.ok(body, "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
        if (body.contentLength() >= 0) {
            ok.header("Content-Length", body.contentLength());
        }
        return ok.build();
    }

    /** The transfer-syntax parameter of the acceptable application/dicom entry ("*" allowed), null if none. */
    private static String requestedTransferSyntax(String accept) {
        List<ContentType> entries = ContentType.parseList(accept);
        if (entries.isEmpty()) {
            return null;
        }
        for (ContentType ct : entries) {
            String type = ct.parameter("type");
            if (ct.is("multipart/related") && (type == null || ContentType.parse(type).is("application/dicom"))
                    || ct.is("application/dicom")) {
                return ct.parameter("transfer-syntax");
            }
            if (ct.is("*/*") || ct.is("multipart/*")) {
                return null;
            }
        }
        throw Errors.exception(406, "Accept " + accept + ": instances are served as multipart/related;"
                + " type=\"application/dicom\" (metadata: .../metadata)");
    }

    public Response metadata(String study, String series, String sop, DicomMedia media) throws SQLException {
        if (archive.index().locate(study, series, sop).isEmpty()) {
            return Errors.response(404, "no instances stored for " + describe(study, series, sop));
        }
        if (media == DicomMedia.JSON) {
            return Response.ok((StreamingOutput) out -> {
                DicomJsonWriter w = new DicomJsonWriter(out);
                w.beginArray();
                stream(study, series, sop, m -> {
                    w.setBulkDataPolicy(bulkData(m.object()));
                    w.write(withPixelData(m));
                });
                w.endArray();
                w.flush();
            }, media.type()).build();
        }
        String boundary = MultipartWriter.newBoundary();
        return Response.ok((StreamingOutput) out -> {
            MultipartWriter mp = new MultipartWriter(out, boundary);
            stream(study, series, sop, m -> new DicomXmlWriter(mp.part(Map.of("Content-Type", media.type())))
                    .setBulkDataPolicy(bulkData(m.object())).write(withPixelData(m)));
            mp.finish();
        }, DicomMedia.MULTIPART_XML + "; boundary=" + boundary).build();
    }

    private void stream(String study, String series, String sop, org.arca.ejb.web.InstanceIndex.MetadataConsumer c)
            throws IOException {
        try {
            archive.index().metadata(study, series, sop, c);
        } catch (SQLException e) {
            throw new IOException("metadata query failed: " + e.getMessage(), e); // the response has started
        }
    }

    /** The index keeps no bulk data; pixel data is announced by reference when the instance is an image. */
    private static Attributes withPixelData(InstanceMetadata m) {
        Attributes a = m.attributes();
        if (a.contains(Tag.Rows) && a.contains(Tag.Columns)) {
            boolean encapsulated = !TransferSyntaxChoice.uncompressed(m.object().location().transferSyntaxUID());
            VR vr = encapsulated || a.getInt(Tag.BitsAllocated, 16) <= 8 ? VR.OB : VR.OW;
            // a reference of the value's (uncompressed) length: writers give zero-length values no URI
            long length = Math.max(1L, (long) a.getInt(Tag.Rows, 0) * a.getInt(Tag.Columns, 0)
                    * a.getInt(Tag.SamplesPerPixel, 1) * a.getInt(Tag.BitsAllocated, 8) / 8 * a.getInt(Tag.NumberOfFrames, 1));
            a.setValue(Tag.PixelData, vr, new BulkData(URI.create("urn:arca:pixeldata"), 0, length, false));
        }
        return a;
    }

    private BulkDataPolicy bulkData(StoredObject o) {
        String url = instanceUrl(o) + "/bulkdata/";
        return (path, vr, value) -> value instanceof BulkData ? url + path : null;
    }

    String instanceUrl(StoredObject o) {
        return baseUrl + "/studies/" + o.studyUID() + "/series/" + o.seriesUID() + "/instances/" + o.sopInstanceUID();
    }

    static String describe(String study, String series, String sop) {
        return "study " + study + (series == null ? "" : ", series " + series) + (sop == null ? "" : ", instance " + sop);
    }
}
