package org.arca.dicomweb.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * GET /me: who signed in and with which roles, so the UI checks the password at sign-in and
 * shows configuration read-only to role user (the server refuses the writes anyway).
 */
@Path("me")
@RequestScoped
public class SignedInUserResource {

    @Context
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        for (String role : new String[] {"admin", "user"}) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return Response.ok(Json.createObjectBuilder()
                .add("name", security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName())
                .add("roles", roles).build()).build();
    }
}
