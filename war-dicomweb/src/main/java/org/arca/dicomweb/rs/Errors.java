package org.arca.dicomweb.rs;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error responses of the DICOMweb resources: the status and {"errorMessage": "..."}. */
public final class Errors {
    private Errors() {
    }

    public static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("errorMessage", message).build().toString()).build();
    }

    public static WebApplicationException exception(int status, String message) {
        return new WebApplicationException(message, response(status, message));
    }
}
