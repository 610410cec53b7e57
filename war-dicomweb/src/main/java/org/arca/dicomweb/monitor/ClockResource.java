package org.arca.dicomweb.monitor;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.export.ExportTasks;

/**
 * GET /monitor/clock: the archive clock that export schedules run on. POST
 * /monitor/clock?time=ISO-8601 moves it (and POST /monitor/clock/reset back), only on a server
 * started with -Darca.clock.settable=true (the test suite); tasks due at the new time are
 * queued at once, as their messages wait by the system clock.
 */
@Path("monitor/clock")
@RequestScoped
public class ClockResource {

    @EJB
    private ArchiveClock clock;

    @EJB
    private ExportTasks tasks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response now() {
        return Response.ok(Json.createObjectBuilder().add("now", clock.now().toString())
                .add("zone", clock.zone().getId()).add("settable", ArchiveClock.isSettable()).build()).build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response set(@QueryParam("time") String time) {
        if (!ArchiveClock.isSettable()) {
            return ExportMonitorResource.error(403, "the clock is settable only with -D" + ArchiveClock.SETTABLE_PROPERTY + "=true");
        }
        try {
            clock.set(Instant.parse(time == null ? "" : time));
        } catch (DateTimeParseException e) {
            return ExportMonitorResource.error(400, "time '" + time + "' is not an ISO-8601 instant");
        }
        tasks.requeueDue();
        return now();
    }

    @POST
    @Path("reset")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reset() {
        clock.reset();
        tasks.requeueDue();
        return now();
    }
}
