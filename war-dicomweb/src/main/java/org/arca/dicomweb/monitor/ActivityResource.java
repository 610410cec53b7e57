package org.arca.dicomweb.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.arca.ejb.monitor.ActivityPerMinute;

/**
 * GET /monitor/activity?hours=N (1 to 48, default 3): instances received and exported per
 * minute over the last N hours, for the monitor's chart. Each minute:
 * {"minute": ISO instant, "received": n, "exportTasks": n, "exported": n}, oldest first, up to
 * and including the current minute.
 */
@Path("monitor/activity")
@RequestScoped
public class ActivityResource {

    static final int MAX_HOURS = 48;

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response activity(@QueryParam("hours") @DefaultValue("3") String hours) throws SQLException {
        int h;
        try {
            h = Integer.parseInt(hours.trim());
        } catch (NumberFormatException e) {
            h = -1;
        }
        if (h < 1 || h > MAX_HOURS) {
            return ExportMonitorResource.error(400, "hours: '" + hours + "' is not a whole number from 1 to " + MAX_HOURS);
        }
        // instance.created_time is written from the system clock (IndexUpdate), so the window is too
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant from = to.minus(h, ChronoUnit.HOURS);
        JsonArrayBuilder minutes = Json.createArrayBuilder();
        for (ActivityPerMinute.Minute m : new ActivityPerMinute(dataSource).between(from, to)) {
            minutes.add(Json.createObjectBuilder().add("minute", m.start().toString()).add("received", m.received())
                    .add("exportTasks", m.exportTasks()).add("exported", m.exported()));
        }
        return Response.ok(Json.createObjectBuilder().add("from", from.toString()).add("to", to.toString())
                .add("minutes", minutes).build()).build();
    }
}
