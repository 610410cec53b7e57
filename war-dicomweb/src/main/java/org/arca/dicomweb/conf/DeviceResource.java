package org.arca.dicomweb.conf;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.conf.DeviceDirectory;
import org.arca.ejb.ldap.Directory;

/**
 * GET /devices and /devices/{name}: devices as they are in LDAP, as JSON, secrets masked (Secrets);
 * POST /devices adds a device entry, PUT /devices/{name} replaces the attributes of its entry (not
 * its children), DELETE /devices/{name} removes one (DeviceWrite).
 */
@Path("devices")
@RequestScoped
public class DeviceResource {

    @EJB
    private DeviceDirectory devices;

    @EJB
    private Directory directory;

    @EJB
    private ArchiveConfiguration configuration;

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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) throws Exception {
        JsonObject o = parse(body);
        return answer(o == null ? notAnObject() : DeviceWrite.add(directory, o));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("name") String name, String body) throws Exception {
        JsonObject o = parse(body);
        return EditAnswer.of(o == null ? notAnObject() : DeviceWrite.replace(directory, name, o), name, configuration);
    }

    @DELETE
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("name") String name) throws Exception {
        return answer(DeviceWrite.delete(directory, name));
    }

    private static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static ConfigurationEdit.Outcome notAnObject() {
        return ConfigurationEdit.error(400, null, null, "the body is not a JSON object");
    }

    private static Response answer(ConfigurationEdit.Outcome outcome) {
        return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.body().toString()).build();
    }
}
