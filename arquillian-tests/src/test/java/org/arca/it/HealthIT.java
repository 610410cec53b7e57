package org.arca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EAR deploys into the provisioned server and every service it needs answers. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ArcaDeployment.ear();
    }

    @Test
    void everyComponentIsUp() throws Exception {
        HttpResponse<String> r = ArcaDeployment.get("/health");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject health = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("UP", health.getString("status"));
        JsonObject components = health.getJsonObject("components");
        for (String c : new String[] {"database", "ldap", "jms", "storage"}) {
            assertEquals("UP", components.getJsonObject(c).getString("status"), c + ": " + r.body());
        }
        String expectedDb = System.getProperty("arca.test.db").equals("h2") ? "H2" : "PostgreSQL";
        assertTrue(components.getJsonObject("database").getString("detail").startsWith(expectedDb), r.body());
        assertTrue(components.getJsonObject("ldap").getString("detail").contains("dcm4chee-arc"), r.body());
    }

    @Test
    void webUiIsServedBesideTheRestApi() throws Exception {
        HttpResponse<String> r = ArcaDeployment.get("/ui2/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("/dcm4chee-arc/health"));
    }
}
