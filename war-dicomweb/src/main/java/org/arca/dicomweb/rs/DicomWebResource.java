package org.arca.dicomweb.rs;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.arca.dicomweb.export.ExportResource;
import org.arca.dicomweb.qido.Qido;
import org.arca.dicomweb.render.RenderOptions;
import org.arca.dicomweb.render.Rendered;
import org.arca.dicomweb.stow.Stow;
import org.arca.dicomweb.wado.Wado;
import org.arca.dicomweb.wado.WadoBulk;
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

    // QIDO-RS

    @GET
    @Path("studies")
    public Response searchStudies() {
        return qido().studies(params(), media());
    }

    @GET
    @Path("series")
    public Response searchSeries() {
        return qido().series(null, params(), media());
    }

    @GET
    @Path("studies/{study}/series")
    public Response searchSeriesOfStudy(@PathParam("study") String study) {
        return qido().series(study, params(), media());
    }

    @GET
    @Path("instances")
    public Response searchInstances() {
        return qido().instances(null, null, params(), media());
    }

    @GET
    @Path("studies/{study}/instances")
    public Response searchInstancesOfStudy(@PathParam("study") String study) {
        return qido().instances(study, null, params(), media());
    }

    @GET
    @Path("studies/{study}/series/{series}/instances")
    public Response searchInstancesOfSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return qido().instances(study, series, params(), media());
    }

    // QIDO-RS counts: {"count": n}; literal paths, so they win over retrieve templates

    @GET
    @Path("studies/count")
    public Response countStudies() {
        return qido().count("studies", params());
    }

    @GET
    @Path("series/count")
    public Response countSeries() {
        return qido().count("series", params());
    }

    @GET
    @Path("instances/count")
    public Response countInstances() {
        return qido().count("instances", params());
    }

    @GET
    @Path("studies/{study}/series/count")
    public Response countSeriesOfStudy(@PathParam("study") String study) {
        return qido().count("studies/" + study + "/series", params());
    }

    @GET
    @Path("studies/{study}/instances/count")
    public Response countInstancesOfStudy(@PathParam("study") String study) {
        return qido().count("studies/" + study + "/instances", params());
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/count")
    public Response countInstancesOfSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return qido().count("studies/" + study + "/series/" + series + "/instances", params());
    }

    // WADO-RS

    @GET
    @Path("studies/{study}")
    public Response retrieveStudy(@PathParam("study") String study) throws SQLException, IOException {
        return wado().retrieve(study, null, null, accept());
    }

    @GET
    @Path("studies/{study}/series/{series}")
    public Response retrieveSeries(@PathParam("study") String study, @PathParam("series") String series)
            throws SQLException, IOException {
        return wado().retrieve(study, series, null, accept());
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{sop}")
    public Response retrieveInstance(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("sop") String sop) throws SQLException, IOException {
        return wado().retrieve(study, series, sop, accept());
    }

    @GET
    @Path("studies/{study}/metadata")
    public Response studyMetadata(@PathParam("study") String study) throws SQLException {
        return wado().metadata(study, null, null, media());
    }

    @GET
    @Path("studies/{study}/series/{series}/metadata")
    public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series)
            throws SQLException {
        return wado().metadata(study, series, null, media());
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{sop}/metadata")
    public Response instanceMetadata(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("sop") String sop) throws SQLException {
        return wado().metadata(study, series, sop, media());
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{sop}/bulkdata/{path: .+}")
    public Response bulkdata(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop, @PathParam("path") String path) throws SQLException, IOException {
        return bulk().bulkdata(study, series, sop, path, accept(), headers.getHeaderString("Range"));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{sop}/frames/{frames}")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
                           @PathParam("sop") String sop, @PathParam("frames") String frames)
            throws SQLException, IOException {
        return bulk().frames(study, series, sop, frames);
    }

    @GET
    @Path("studies/{path: .+}/rendered")
    public Response rendered(@PathParam("path") String path, @QueryParam("accept") String acceptParam,
                             @QueryParam("window") String window, @QueryParam("viewport") String viewport,
                             @QueryParam("quality") String quality) throws SQLException, IOException {
        return rendered().rendered(Rendered.Target.parse(path),
                RenderOptions.of(accept(), acceptParam, window, viewport, quality));
    }

    @GET
    @Path("studies/{path: .+}/thumbnail")
    public Response thumbnail(@PathParam("path") String path, @QueryParam("accept") String acceptParam,
                              @QueryParam("window") String window, @QueryParam("viewport") String viewport,
                              @QueryParam("quality") String quality) throws SQLException, IOException {
        return rendered().thumbnail(Rendered.Target.parse(path),
                RenderOptions.of(accept(), acceptParam, window, viewport, quality));
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

    private Qido qido() {
        WebArchive archive = archive();
        ae(archive);
        return new Qido(archive.query(), aet, baseUrl());
    }

    private Wado wado() {
        WebArchive archive = archive();
        ae(archive);
        return new Wado(archive, baseUrl());
    }

    private WadoBulk bulk() {
        WebArchive archive = archive();
        ae(archive);
        return new WadoBulk(archive);
    }

    private Rendered rendered() {
        WebArchive archive = archive();
        ae(archive);
        return new Rendered(archive);
    }

    private MultivaluedMap<String, String> params() {
        return uriInfo.getQueryParameters();
    }

    private String accept() {
        return headers.getHeaderString(HttpHeaders.ACCEPT);
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
