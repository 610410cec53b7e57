package org.arca.dicomweb.conf;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ConfigurationError;

/**
 * The REST answer to a configuration write: its outcome and, after a write to the device this
 * node runs as, the node reloads and the answer carries what the reload reported
 * ("reloaded": true, "reloadErrors": [{dn, attribute, message}]).
 */
final class EditAnswer {

    private EditAnswer() {
    }

    static Response of(ConfigurationEdit.Outcome outcome, String device, ArchiveConfiguration configuration)
            throws Exception {
        JsonObject body = outcome.body();
        if (outcome.status() < 300 && device.equals(Settings.deviceName())) {
            List<ConfigurationError> errors = configuration.reload();
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (ConfigurationError e : errors) {
                list.add(Json.createObjectBuilder().add("dn", e.dn())
                        .add("attribute", e.attribute() == null ? "" : e.attribute()).add("message", e.message()));
            }
            body = Json.createObjectBuilder(body).add("reloaded", true).add("reloadErrors", list).build();
        }
        return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(body.toString()).build();
    }
}
