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
import org.arca.dicomweb.rs.Errors;
import org.arca.ejb.web.StoredObject;
import org.arca.ejb.web.WebArchive;
import org.arca.ejb.web.WebServices;

/**
 * WADO-URI (PS3.18 9): GET /aets/{AET}/wado?requestType=WADO&studyUID=&seriesUID=&objectUID=
 * [&contentType=application/dicom][&transferSyntax=]. The object comes as a DICOM file, as
 * stored or converted among the uncompressed syntaxes. Rendered content types (image/jpeg, ...)
 * are not produced: 406 says so.
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
                        @QueryParam("transferSyntax") String transferSyntax) throws SQLException {
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
        if (contentType != null && !contentType.equals("application/dicom")) {
            return Errors.response(406, "contentType=" + contentType + ": only application/dicom is served");
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
}
