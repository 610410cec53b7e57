package org.arca.dicomweb.monitor;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.arca.dicomweb.export.ExportTaskJson;
import org.arca.ejb.export.ExportTask;
import org.arca.ejb.export.ExportTaskStatus;
import org.arca.ejb.export.ExportTasks;
import org.arca.ejb.export.UnknownExporterException;

/**
 * The export monitor: GET /monitor/export (filters, limit, offset; JSON, or CSV with Accept:
 * text/csv), /count, /counts (per queue and status), /{taskID}; POST /{taskID}/cancel and /cancel?filters; POST
 * /{taskID}/reschedule[/{ExporterID}] and /reschedule[/{ExporterID}]?filters, both with an
 * optional scheduledTime; DELETE /{taskID} and DELETE ?filters.
 */
@Path("monitor/export")
@RequestScoped
public class ExportMonitorResource {

    @EJB
    private ExportTasks tasks;

    @GET
    @Produces("application/json; qs=1") // JSON unless CSV is asked for: qs ranks it first for */*
    public Response list(@BeanParam ExportTaskQuery query) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ExportTask t : tasks.list(query.filter(), query.offset(), query.limit())) {
            all.add(ExportTaskJson.of(t));
        }
        return Response.ok(all.build()).build();
    }

    @GET
    @Produces("text/csv; qs=0.5")
    public Response csv(@BeanParam ExportTaskQuery query) {
        return Response.ok(ExportTaskCsv.of(tasks.list(query.filter(), query.offset(), query.limit())))
                .type("text/csv; charset=UTF-8").build();
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Response count(@BeanParam ExportTaskQuery query) {
        return count(tasks.count(query.filter()));
    }

    /** GET /monitor/export/counts: [{"queue", "status", "count"}] for every queue and status with tasks (the filters apply). */
    @GET
    @Path("counts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response countsByQueue(@BeanParam ExportTaskQuery query) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Object[] row : tasks.countByQueueAndStatus(query.filter())) {
            all.add(Json.createObjectBuilder().add("queue", (String) row[0])
                    .add("status", ((ExportTaskStatus) row[1]).label()).add("count", ((Number) row[2]).longValue()));
        }
        return Response.ok(all.build()).build();
    }

    @GET
    @Path("{pk: [0-9]+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response task(@PathParam("pk") long pk) {
        ExportTask t = tasks.find(pk);
        return t == null ? error(404, "no export task " + pk) : Response.ok(ExportTaskJson.of(t)).build();
    }

    @POST
    @Path("{pk: [0-9]+}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("pk") long pk) {
        if (tasks.cancel(pk)) {
            return Response.noContent().build();
        }
        return missingOr(pk, "export task " + pk + " has finished and cannot be canceled");
    }

    @POST
    @Path("cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancelAll(@BeanParam ExportTaskQuery query) {
        return count(tasks.cancel(query.filter()));
    }

    @POST
    @Path("{pk: [0-9]+}/reschedule")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reschedule(@PathParam("pk") long pk, @QueryParam("scheduledTime") String time) {
        return reschedule(pk, null, time);
    }

    @POST
    @Path("{pk: [0-9]+}/reschedule/{exporter}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reschedule(@PathParam("pk") long pk, @PathParam("exporter") String exporter,
            @QueryParam("scheduledTime") String time) {
        try {
            ExportTask t = tasks.reschedule(pk, exporter, instant(time));
            return t != null ? Response.ok(ExportTaskJson.of(t)).build()
                    : missingOr(pk, "export task " + pk + " is in process and cannot be rescheduled");
        } catch (UnknownExporterException e) {
            return error(404, e.getMessage());
        } catch (DateTimeParseException e) {
            return badTime(time);
        }
    }

    @POST
    @Path("reschedule")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rescheduleAll(@BeanParam ExportTaskQuery query, @QueryParam("scheduledTime") String time) {
        return rescheduleAll(query, null, time);
    }

    @POST
    @Path("reschedule/{exporter}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rescheduleAll(@BeanParam ExportTaskQuery query, @PathParam("exporter") String exporter,
            @QueryParam("scheduledTime") String time) {
        try {
            return count(tasks.reschedule(query.filter(), exporter, instant(time)));
        } catch (UnknownExporterException e) {
            return error(404, e.getMessage());
        } catch (DateTimeParseException e) {
            return badTime(time);
        }
    }

    @DELETE
    @Path("{pk: [0-9]+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("pk") long pk) {
        return tasks.delete(pk) ? Response.noContent().build()
                : missingOr(pk, "export task " + pk + " is in process and cannot be deleted");
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteAll(@BeanParam ExportTaskQuery query) {
        return Response.ok(Json.createObjectBuilder().add("deleted", tasks.delete(query.filter())).build()).build();
    }

    private Response missingOr(long pk, String conflict) {
        return tasks.find(pk) == null ? error(404, "no export task " + pk) : error(409, conflict);
    }

    private static Instant instant(String time) {
        return time == null || time.isEmpty() ? null : Instant.parse(time);
    }

    private static Response badTime(String time) {
        return error(400, "scheduledTime '" + time + "' is not an ISO-8601 instant such as 2026-11-23T18:00:00Z");
    }

    private static Response count(long n) {
        return Response.ok(Json.createObjectBuilder().add("count", n).build()).build();
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("errorMessage", message).build()).build();
    }

}
