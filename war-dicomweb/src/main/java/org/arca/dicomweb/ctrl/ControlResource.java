package org.arca.dicomweb.ctrl;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ConfigurationError;

/**
 * POST /ctrl/reload re-reads the device from LDAP; GET /ctrl/status tells whether it runs and,
 * as "device", the name of the device it runs as (the web UI does not offer to delete that one).
 */
@Path("ctrl")
@RequestScoped
public class ControlResource {

    @EJB
    private ArchiveConfiguration configuration;

    @POST
    @Path("reload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reload() throws Exception {
        List<ConfigurationError> errors = configuration.reload();
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ConfigurationError e : errors) {
            list.add(Json.createObjectBuilder().add("dn", e.dn())
                    .add("attribute", e.attribute() == null ? "" : e.attribute())
                    .add("message", e.message()));
        }
        return Response.ok(Json.createObjectBuilder()
                .add("device", configuration.device().getName())
                .add("errors", list).build()).build();
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        boolean running = configuration.device() != null;
        return Response.status(running ? 200 : 503)
                .entity(Json.createObjectBuilder().add("status", running ? "STARTED" : "STOPPED")
                        .add("device", Settings.deviceName()).build()).build();
    }
}
