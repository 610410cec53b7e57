package org.arca.dicomweb.conf;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
 * Add, read, replace and delete one child of a device, the kind named by its object class:
 * {@code /devices/{device}/dcmExporter/{ExporterID}}, {@code .../dcmStorage/{StorageID}},
 * dicomNetworkConnection, dicomNetworkAE, dcmWebApp, dcmQueue, dcmExportRule. POST to the kind
 * adds (the body names it), PUT replaces or adds, DELETE removes. A change is checked by the
 * configuration loader (400 naming the attribute), written to LDAP, and this node reloads.
 */
@Path("devices/{device}/{kind}")
@RequestScoped
public class DeviceChildResource {

    @EJB
    private Directory directory;

    @EJB
    private DeviceDirectory devices;

    @EJB
    private ArchiveConfiguration configuration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("device") String device, @PathParam("kind") String kind) throws Exception {
        ChildKind k = ChildKind.of(kind);
        JsonObject d = device(device);
        if (k == null || d == null) {
            return notFound(device, kind);
        }
        JsonValue children = d.get(k.objectClass);
        return Response.ok(children == null ? JsonValue.EMPTY_JSON_ARRAY : children).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("device") String device, @PathParam("kind") String kind,
            @PathParam("id") String id) throws Exception {
        ChildKind k = ChildKind.of(kind);
        JsonObject d = device(device);
        if (k != null && d != null && d.get(k.objectClass) instanceof JsonArray a) {
            for (JsonValue c : a) {
                if (c.asJsonObject().get(k.rdnType) instanceof JsonString s && s.getString().equals(id)) {
                    return Response.ok(c).build();
                }
            }
        }
        return notFound(device, kind + "/" + id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("device") String device, @PathParam("kind") String kind, String body)
            throws Exception {
        ChildKind k = ChildKind.of(kind);
        if (k == null) {
            return notFound(device, kind);
        }
        JsonObject o = parse(body);
        if (o == null) {
            return answer(ConfigurationEdit.error(400, null, null, "the body is not a JSON object"), device);
        }
        String id = o.get(k.rdnType) instanceof JsonString s ? s.getString().trim() : null;
        return answer(ConfigurationEdit.apply(directory, device, k, id, o, true), device);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("device") String device, @PathParam("kind") String kind,
            @PathParam("id") String id, String body) throws Exception {
        ChildKind k = ChildKind.of(kind);
        if (k == null) {
            return notFound(device, kind);
        }
        JsonObject o = parse(body);
        if (o == null) {
            return answer(ConfigurationEdit.error(400, null, null, "the body is not a JSON object"), device);
        }
        return answer(ConfigurationEdit.apply(directory, device, k, id, o, false), device);
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("device") String device, @PathParam("kind") String kind,
            @PathParam("id") String id) throws Exception {
        ChildKind k = ChildKind.of(kind);
        if (k == null) {
            return notFound(device, kind);
        }
        return answer(ConfigurationEdit.apply(directory, device, k, id, null, false), device);
    }

    private Response answer(ConfigurationEdit.Outcome outcome, String device) throws Exception {
        return EditAnswer.of(outcome, device, configuration);
    }

    private JsonObject device(String name) throws Exception {
        String json = devices.json(name);
        return json == null ? null
                : Secrets.mask(Json.createReader(new StringReader(json)).readObject()).asJsonObject();
    }

    private static JsonObject parse(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static Response notFound(String device, String what) {
        return org.arca.dicomweb.rs.Errors.response(404, "no " + what + " on device " + device);
    }
}
