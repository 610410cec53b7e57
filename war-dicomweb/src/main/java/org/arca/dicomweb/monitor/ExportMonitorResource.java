package org.arca.dicomweb.monitor;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.arca.dicomweb.export.ExportTaskJson;
import org.arca.ejb.export.ExportTask;
import org.arca.ejb.export.ExportTasks;

/** GET /monitor/export (filters, limit, offset), /monitor/export/count and /monitor/export/{taskID}. */
@Path("monitor/export")
@RequestScoped
public class ExportMonitorResource {

    @EJB
    private ExportTasks tasks;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@BeanParam ExportTaskQuery query) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (ExportTask t : tasks.list(query.filter(), query.offset(), query.limit())) {
            all.add(ExportTaskJson.of(t));
        }
        return Response.ok(all.build()).build();
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Response count(@BeanParam ExportTaskQuery query) {
        return Response.ok(Json.createObjectBuilder().add("count", tasks.count(query.filter())).build()).build();
    }

    @GET
    @Path("{pk: [0-9]+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response task(@PathParam("pk") long pk) {
        ExportTask t = tasks.find(pk);
        return t == null
                ? Response.status(404).entity(Json.createObjectBuilder().add("errorMessage", "no export task " + pk).build()).build()
                : Response.ok(ExportTaskJson.of(t)).build();
    }
}
