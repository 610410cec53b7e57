package org.arca.dicomweb.conf;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.arca.ejb.conf.DeviceDirectory;

/** GET /devices and /devices/{name}: devices as they are in LDAP, as JSON, secrets masked (Secrets). */
@Path("devices")
@RequestScoped
public class DeviceResource {

    @EJB
    private DeviceDirectory devices;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (String name : devices.names()) {
            json.append(json.length() > 1 ? "," : "").append('"').append(name.replace("\"", "\\\"")).append('"');
        }
        return Response.ok(json.append(']').toString()).build();
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response device(@PathParam("name") String name) throws Exception {
        String json = devices.json(name);
        return json == null
                ? Response.status(404).entity("{\"errorMessage\":\"no device " + name.replace("\"", "") + "\"}").build()
                : Response.ok(Secrets.mask(Json.createReader(new StringReader(json)).readObject())).build();
    }
}
