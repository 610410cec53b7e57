package org.arca.dicomweb.export;

import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.arca.ejb.export.ExportRequest;
import org.arca.ejb.export.ExportTasks;
import org.arca.ejb.export.UnknownExporterException;

/**
 * POST .../studies/{uid}[/series/{uid}[/instances/{uid}]]/export/{ExporterID}[?scheduledTime=ISO-8601]:
 * queues an export task and answers 202 with it. A sub-resource of the DICOMweb root
 * (org.arca.dicomweb.rs.DicomWebResource), which owns everything below aets/{aet}/rs.
 */
public class ExportResource {

    private final ExportTasks tasks;
    private final String aet;
    private final String study;
    private final String scheduledTime;

    public ExportResource(ExportTasks tasks, String aet, String study, String scheduledTime) {
        this.tasks = tasks;
        this.aet = aet;
        this.study = study;
        this.scheduledTime = scheduledTime;
    }

    @POST
    @Path("export/{exporter}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response study(@PathParam("exporter") String exporter) {
        return export(exporter, null, null);
    }

    @POST
    @Path("series/{series}/export/{exporter}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response series(@PathParam("series") String series, @PathParam("exporter") String exporter) {
        return export(exporter, series, null);
    }

    @POST
    @Path("series/{series}/instances/{sop}/export/{exporter}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response instance(@PathParam("series") String series, @PathParam("sop") String sop,
            @PathParam("exporter") String exporter) {
        return export(exporter, series, sop);
    }

    private Response export(String exporter, String series, String sop) {
        Instant when;
        try {
            when = scheduledTime == null || scheduledTime.isEmpty() ? null : Instant.parse(scheduledTime);
        } catch (DateTimeParseException e) {
            return error(400, "scheduledTime '" + scheduledTime + "' is not an ISO-8601 instant such as 2026-11-23T18:00:00Z");
        }
        try {
            return Response.accepted(ExportTaskJson.of(tasks.create(
                    new ExportRequest(exporter, aet, study, series, sop, when)))).build();
        } catch (UnknownExporterException e) {
            return error(404, e.getMessage());
        }
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("errorMessage", message).build()).build();
    }
}
