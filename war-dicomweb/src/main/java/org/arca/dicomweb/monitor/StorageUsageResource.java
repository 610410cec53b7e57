package org.arca.dicomweb.monitor;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.storage.StorageUsage;
import org.arca.ldap.config.StorageDescriptor;

/**
 * GET /monitor/storage: objects and bytes per storage, counted from the location table (not
 * by walking the storage: a bucket of millions of objects is slow and billed to list). Every
 * configured storage appears, also an empty one; a storage that still holds locations but is
 * no longer configured appears with "configured": false. GET /monitor/storage/{StorageID}: one.
 * Bytes are those of the DICOM objects as received, before compression or encryption.
 */
@Path("monitor/storage")
@RequestScoped
public class StorageUsageResource {

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @EJB
    private ArchiveConfiguration configuration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response all() throws SQLException {
        Map<String, StorageUsage.Usage> used = new StorageUsage(dataSource).all();
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (StorageDescriptor d : configuration.device().getStorages()) {
            StorageUsage.Usage u = used.remove(d.getId());
            a.add(json(d, u == null ? new StorageUsage.Usage(d.getId(), 0, 0) : u));
        }
        used.values().forEach(u -> a.add(json(null, u)));
        return Response.ok(a.build()).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") String id) throws SQLException {
        StorageDescriptor d = configuration.device().getStorage(id);
        StorageUsage.Usage u = new StorageUsage(dataSource).of(id);
        if (d == null && u.objects() == 0) {
            return ExportMonitorResource.error(404, "no storage " + id);
        }
        return Response.ok(json(d, u)).build();
    }

    private static JsonObject json(StorageDescriptor d, StorageUsage.Usage u) {
        var o = Json.createObjectBuilder().add("dcmStorageID", u.storageId()).add("configured", d != null);
        if (d != null) {
            o.add("dcmInstanceAvailability", String.valueOf(d.getInstanceAvailability())).add("dcmReadOnly", d.isReadOnly());
        }
        return o.add("objects", u.objects()).add("bytes", u.bytes()).build();
    }
}
