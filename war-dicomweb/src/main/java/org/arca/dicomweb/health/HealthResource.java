package org.arca.dicomweb.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.arca.ejb.health.ComponentHealth;
import org.arca.ejb.health.HealthCheck;

/** GET /health: 200 when every component is up, 503 naming the ones that are down. */
@Path("health")
@RequestScoped // a CDI bean, so that @EJB is injected
public class HealthResource {

    @EJB
    private HealthCheck healthCheck;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<ComponentHealth> components = healthCheck.check();
        JsonObjectBuilder all = Json.createObjectBuilder();
        StringBuilder down = new StringBuilder();
        for (ComponentHealth c : components) {
            all.add(c.name(), Json.createObjectBuilder()
                    .add("status", c.up() ? "UP" : "DOWN")
                    .add("detail", c.detail()));
            if (!c.up()) {
                down.append(down.length() == 0 ? "" : ",").append(c.name());
            }
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("status", down.length() == 0 ? "UP" : "DOWN")
                .add("components", all);
        if (down.length() > 0) {
            body.add("down", down.toString());
        }
        return Response.status(down.length() == 0 ? 200 : 503).entity(body.build()).build();
    }
}
