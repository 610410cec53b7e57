package org.arca.dicomweb.wado;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.List;
import org.arca.dicomweb.render.RenderOptions;
import org.arca.dicomweb.render.Rendered;
import org.arca.dicomweb.rs.Errors;
import org.arca.ejb.web.StoredObject;
import org.arca.ejb.web.WebArchive;
import org.arca.ejb.web.WebServices;

/**
 * WADO-URI (PS3.18 9): GET /aets/{AET}/wado?requestType=WADO&studyUID=&seriesUID=&objectUID=
 * [&contentType=application/dicom][&transferSyntax=]. The object comes as a DICOM file, as
 * stored or converted among the uncompressed syntaxes; or rendered as image/jpeg (the default
 * for an image, as in PS3.18 9.1.2.1) or image/png, with frameNumber, windowCenter/windowWidth,
 * rows/columns (fit, aspect kept) and imageQuality.
 */
@Path("aets/{aet}/wado")
@RequestScoped
public class WadoUriResource {

    @EJB
    private WebServices services;

    @GET
    public Response get(@PathParam("aet") String aet, @QueryParam("requestType") String requestType,
                        @QueryParam("studyUID") String study, @QueryParam("seriesUID") String series,
                        @QueryParam("objectUID") String sop, @QueryParam("contentType") String contentType,
                        @QueryParam("transferSyntax") String transferSyntax, @QueryParam("frameNumber") String frame,
                        @QueryParam("windowCenter") String center, @QueryParam("windowWidth") String width,
                        @QueryParam("rows") String rows, @QueryParam("columns") String columns,
                        @QueryParam("imageQuality") String quality) throws SQLException, java.io.IOException {
        WebArchive archive = services.archive();
        if (archive == null || archive.applicationEntity(aet) == null) {
            return Errors.response(404, "no application entity '" + aet + "' on this archive");
        }
        if (!"WADO".equals(requestType)) {
            return Errors.response(400, "requestType=" + requestType + ": must be WADO");
        }
        for (String[] p : new String[][] {{"studyUID", study}, {"seriesUID", series}, {"objectUID", sop}}) {
            if (p[1] == null || p[1].isEmpty()) {
                return Errors.response(400, "query parameter " + p[0] + " is missing");
            }
        }
        String type = contentType(contentType);
        if (!type.equals("application/dicom")) {
            return rendered(archive, study, series, sop, type, frame, center, width, rows, columns, quality);
        }
        List<StoredObject> found = archive.index().locate(study, series, sop);
        if (found.isEmpty()) {
            return Errors.response(404, "no object " + sop + " in series " + series + " of study " + study);
        }
        StoredObject o = found.get(0);
        String ts = TransferSyntaxChoice.choose(transferSyntax, o.location().transferSyntaxUID());
        if (ts == null) {
            return Errors.response(406, "object stored in " + o.location().transferSyntaxUID()
                    + " cannot be converted to " + transferSyntax);
        }
        return Response.ok((StreamingOutput) out -> InstanceStreams.write(archive.storages(), o, ts, out),
                "application/dicom").header("Content-Disposition", "attachment; filename=\"" + sop + ".dcm\"").build();
    }

    /** The first content type of the list that is served: application/dicom, image/jpeg or image/png. */
    private static String contentType(String list) {
        if (list == null || list.isBlank()) {
            return "image/jpeg"; // PS3.18 9.1.2.1: a single-frame image's default
        }
        for (String t : list.split(",")) {
            String type = t.split(";")[0].trim();
            if (type.equals("application/dicom") || type.equals("image/jpeg") || type.equals("image/png")
                    || type.equals("image/*") || type.equals("*/*")) {
                return type.endsWith("*") ? "image/jpeg" : type;
            }
        }
        throw Errors.exception(406, "contentType=" + list + ": application/dicom, image/jpeg or image/png");
    }

    private static Response rendered(WebArchive archive, String study, String series, String sop, String type,
                                     String frame, String center, String width, String rows, String columns,
                                     String quality) throws SQLException, java.io.IOException {
        if ((center == null) != (width == null)) {
            return Errors.response(400, "query parameter " + (center == null ? "windowCenter" : "windowWidth")
                    + " is missing: windowCenter and windowWidth go together");
        }
        int frameNumber = 1;
        if (frame != null) {
            try {
                frameNumber = Integer.parseInt(frame.trim());
            } catch (NumberFormatException e) {
                frameNumber = 0;
            }
            if (frameNumber < 1) {
                return Errors.response(400, "query parameter frameNumber=" + frame + ": a frame number from 1");
            }
        }
        String viewport = null;
        if (rows != null || columns != null) {
            viewport = (columns == null ? "8192" : columns) + "," + (rows == null ? "8192" : rows);
        }
        String window = center == null ? null : center + "," + width;
        RenderOptions options;
        try {
            options = RenderOptions.of(type, null, window, viewport, quality);
        } catch (jakarta.ws.rs.WebApplicationException e) {
            String msg = String.valueOf(e.getMessage()).replace("query parameter window=", "query parameters windowCenter,windowWidth=")
                    .replace("query parameter viewport=", "query parameters columns,rows=")
                    .replace("query parameter quality=", "query parameter imageQuality=");
            return Errors.response(e.getResponse().getStatus(), msg);
        }
        if (archive.index().locate(study, series, sop).isEmpty()) {
            return Errors.response(404, "no object " + sop + " in series " + series + " of study " + study);
        }
        return new Rendered(archive).frame(study, series, sop, frameNumber, options);
    }
}
