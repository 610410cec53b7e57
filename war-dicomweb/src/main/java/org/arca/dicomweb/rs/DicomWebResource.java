package org.arca.dicomweb.rs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.arca.dicomweb.export.ExportResource;
import org.arca.dicomweb.stow.Stow;
import org.arca.ejb.export.ExportTasks;
import org.arca.ejb.web.WebArchive;
import org.arca.ejb.web.WebServices;
import org.arca.ldap.config.ApplicationEntity;

/**
 * Everything below /aets/{AET}/rs: STOW-RS, QIDO-RS and WADO-RS methods (thin: the work is in
 * Stow, Qido and Wado), and the archive's export trigger as a sub-resource. One root resource,
 * because JAX-RS picks a root class first and never backtracks to another one with an
 * overlapping template. An AE title that is not an installed AE of this device is a 404.
 */
@Path("aets/{aet}/rs")
@RequestScoped
public class DicomWebResource {

    @EJB
    private WebServices services;

    @EJB
    private ExportTasks exportTasks;

    @PathParam("aet")
    private String aet;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("studies")
    public Response stow(InputStream body) throws IOException {
        return stow(null, body);
    }

    @POST
    @Path("studies/{study}")
    public Response stowStudy(@PathParam("study") String study, InputStream body) throws IOException {
        return stow(study, body);
    }

    /** POST studies/{uid}[/series/{uid}[/instances/{uid}]]/export/{ExporterID}. */
    @Path("studies/{study}")
    public ExportResource export(@PathParam("study") String study, @QueryParam("scheduledTime") String scheduledTime) {
        return new ExportResource(exportTasks, aet, study, scheduledTime);
    }

    private Response stow(String study, InputStream body) throws IOException {
        WebArchive archive = archive();
        ApplicationEntity ae = ae(archive);
        DicomMedia media = media();
        return new Stow(archive.store(), archive.storageFor(ae), aet, baseUrl())
                .store(study, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, media);
    }

    private WebArchive archive() {
        WebArchive a = services.archive();
        if (a == null) {
            throw Errors.exception(503, "the archive's configuration is not loaded");
        }
        return a;
    }

    private ApplicationEntity ae(WebArchive archive) {
        ApplicationEntity ae = archive.applicationEntity(aet);
        if (ae == null) {
            throw Errors.exception(404, "no application entity '" + aet + "' on this archive");
        }
        return ae;
    }

    private DicomMedia media() {
        DicomMedia m = DicomMedia.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT));
        if (m == null) {
            throw Errors.exception(406, "Accept " + headers.getHeaderString(HttpHeaders.ACCEPT)
                    + " names no supported media type: application/dicom+json or " + DicomMedia.MULTIPART_XML);
        }
        return m;
    }

    /** http://host:port/dcm4chee-arc/aets/{AET}/rs, for Retrieve URLs. */
    private String baseUrl() {
        return uriInfo.getBaseUriBuilder().path("aets").path(aet).path("rs").build().toString();
    }
}
