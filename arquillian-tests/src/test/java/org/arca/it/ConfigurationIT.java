package org.arca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The default configuration, seeded into the embedded LDAP at first start, is what the archive runs on. */
@ExtendWith(ArquillianExtension.class)
class ConfigurationIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ArcaDeployment.ear();
    }

    @Test
    void deviceIsReadFromTheEmbeddedLdap() throws Exception {
        HttpResponse<String> r = ArcaDeployment.get("/devices/dcm4chee-arc");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"dicomDeviceName\":\"dcm4chee-arc\""), r.body());
        assertTrue(r.body().contains("DCM4CHEE"), "archive AE: " + r.body());
        assertTrue(r.body().contains("Export10"), "queues: " + r.body());
        HttpResponse<String> list = ArcaDeployment.get("/devices");
        assertTrue(list.body().contains("\"storescp\"") && list.body().contains("\"stowrsd\""), list.body());
        assertEquals(404, ArcaDeployment.get("/devices/no-such-device").statusCode());
    }

    @Test
    void reloadReadsTheDeviceAgain() throws Exception {
        HttpResponse<String> r = ArcaDeployment.post("/ctrl/reload", "");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"device\":\"dcm4chee-arc\""), r.body());
        assertTrue(r.body().contains("\"errors\":[]"), "default configuration has no errors: " + r.body());
        assertEquals(200, ArcaDeployment.get("/ctrl/status").statusCode());
    }
}
