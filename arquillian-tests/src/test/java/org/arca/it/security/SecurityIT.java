package org.arca.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.arca.it.TestUsers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in against the users and groups in LDAP: health is open, everything else needs a user,
 * changes to configuration and tasks need admin (401 without credentials, 403 for role user),
 * and secrets never come back in clear.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Http.ear();
    }

    @BeforeAll
    static void viewer() throws Exception {
        TestUsers.addViewer();
    }

    @Test
    void healthIsOpenAndTheRestNeedsSignIn() throws Exception {
        assertEquals(200, Http.send("GET", "/health", null, null).statusCode());
        HttpResponse<String> anonymous = Http.send("GET", "/devices/dcm4chee-arc", null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                anonymous.headers().map().toString());
        assertEquals(401, Http.send("GET", "/devices/dcm4chee-arc", TestUsers.basic("admin", "wrong"), null).statusCode());
        assertEquals(401, Http.send("GET", "/aets/DCM4CHEE/rs/studies", null, null).statusCode());
        assertEquals(401, Http.send("POST", "/ctrl/reload", null, null).statusCode());
    }

    @Test
    void adminMayChangeAndUserMayOnlyLook() throws Exception {
        assertEquals(200, Http.admin("POST", "/ctrl/reload", null).statusCode());
        assertEquals(200, Http.admin("GET", "/devices/dcm4chee-arc", null).statusCode());
        for (String path : new String[] {"/devices", "/devices/dcm4chee-arc", "/monitor/export", "/monitor/export/count",
                "/ctrl/status", "/aets/DCM4CHEE/rs/studies", "/devices/dcm4chee-arc/dcmExporter"}) {
            HttpResponse<String> r = Http.viewer("GET", path, null);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }
        String exporter = "{\"dcmExporterID\":\"VIEWER-X\",\"dcmURI\":\"dicom:STORESCP\",\"dcmQueueName\":\"Export1\"}";
        String[][] refused = {{"POST", "/ctrl/reload", null}, {"POST", "/monitor/clock?time=2030-01-01T00:00:00Z", null},
            {"POST", "/monitor/export/1/cancel", null}, {"POST", "/monitor/export/1/reschedule", null},
            {"DELETE", "/monitor/export/1", null}, {"POST", "/devices/dcm4chee-arc/dcmExporter", exporter},
            {"PUT", "/devices/dcm4chee-arc/dcmExporter/VIEWER-X", exporter},
            {"DELETE", "/devices/dcm4chee-arc/dcmQueue/Export1", null}};
        for (String[] r : refused) {
            assertEquals(403, Http.viewer(r[0], r[1], r[2]).statusCode(), r[0] + " " + r[1]);
            assertEquals(401, Http.send(r[0], r[1], null, r[2]).statusCode(), r[0] + " " + r[1]);
        }
        assertEquals(null, Http.ldap("dcmExporterID=VIEWER-X," + Http.ARCHIVE_DN));
        assertTrue(Http.ldap("dcmQueueName=Export1," + Http.ARCHIVE_DN) != null);
    }

    /**
     * Every call that changes a device, a child of one, or export tasks, as role user (403) and
     * without credentials (401), also spelled so that a servlet path match might miss it; the
     * entries in LDAP and the tasks stay as they were.
     */
    @Test
    void deviceChildAndTaskChangesNeedAdmin() throws Exception {
        String storescp = "dicomDeviceName=storescp,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
        String before = Http.ldap(storescp).toString();
        // tasks of earlier tests may still run: only cancel makes CANCELED, only delete or reschedule lowers the others
        long canceled = count("CANCELED");
        long completed = count("COMPLETED");
        long failed = count("FAILED");
        String device = "{\"dicomDeviceName\":\"storescp\",\"dicomDescription\":\"changed without admin\"}";
        String[][] refused = {
            {"POST", "/devices", "{\"dicomDeviceName\":\"viewer-device\"}"},
            {"PUT", "/devices/storescp", device}, {"DELETE", "/devices/storescp", null},
            {"POST", "/devices;x=y", "{\"dicomDeviceName\":\"viewer-device\"}"},
            {"DELETE", "/devices/storescp;x=y", null}, {"PUT", "/devices/storescp/", device},
            {"DELETE", "/devices/storescp/dicomNetworkAE/STORESCP", null},
            {"PUT", "/devices/storescp/dicomNetworkConnection/dicom", "{\"cn\":\"dicom\",\"dicomHostname\":\"x\"}"},
            {"POST", "/devices/storescp/dicomNetworkConnection", "{\"cn\":\"viewer\",\"dicomHostname\":\"x\"}"},
            {"DELETE", "/devices/dcm4chee-arc/dcmStorage/fs1", null},
            {"DELETE", "/devices/dcm4chee-arc/dcmWebApp/DCM4CHEE", null},
            {"DELETE", "/devices/dcm4chee-arc/dicomNetworkConnection/dicom", null},
            {"DELETE", "/devices/dcm4chee-arc/dcmExporter/STORESCP", null},
            {"PUT", "/devices/dcm4chee-arc/dcmExportRule/viewer-rule",
                "{\"cn\":\"viewer-rule\",\"dcmEntity\":\"Study\",\"dcmExporterID\":[\"STORESCP\"]}"},
            {"POST", "/monitor/export/cancel?status=SCHEDULED", null},
            {"POST", "/monitor/export/reschedule?status=FAILED", null},
            {"POST", "/monitor/export/reschedule/STORESCP?status=FAILED", null},
            {"POST", "/monitor/export/1/reschedule/STORESCP", null},
            {"DELETE", "/monitor/export?status=COMPLETED", null},
            {"POST", "/monitor/clock/reset", null}, {"POST", "/ctrl/reload;x=y", null}};
        for (String[] r : refused) {
            HttpResponse<String> viewer = Http.viewer(r[0], r[1], r[2]);
            assertEquals(403, viewer.statusCode(), r[0] + " " + r[1] + " as user: " + viewer.body());
            HttpResponse<String> anonymous = Http.send(r[0], r[1], null, r[2]);
            assertEquals(401, anonymous.statusCode(), r[0] + " " + r[1] + " without credentials: " + anonymous.body());
        }
        // a GET that asks to be taken for another method changes nothing either
        Http.send("GET", "/devices/storescp", TestUsers.basic(TestUsers.VIEWER, TestUsers.VIEWER_PASSWORD), null,
                "X-HTTP-Method-Override", "DELETE");
        assertEquals(before, Http.ldap(storescp).toString(), "LDAP unchanged");
        assertNull(Http.ldap("dicomDeviceName=viewer-device,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org"));
        assertNull(Http.ldap("cn=viewer,dicomDeviceName=storescp,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org"));
        assertNull(Http.ldap("cn=viewer-rule," + Http.ARCHIVE_DN));
        for (String dn : new String[] {"dicomAETitle=STORESCP," + storescp, "dcmStorageID=fs1," + Http.ARCHIVE_DN,
            "dcmWebAppName=DCM4CHEE," + Http.ARCHIVE_DN, "cn=dicom," + Http.ARCHIVE_DN, "dcmExporterID=STORESCP," + Http.ARCHIVE_DN}) {
            assertTrue(Http.ldap(dn) != null, dn + " still in LDAP");
        }
        assertEquals(canceled, count("CANCELED"), "no task canceled");
        assertTrue(count("COMPLETED") >= completed && count("FAILED") >= failed, "no task deleted or rescheduled");
        assertEquals(200, Http.viewer("GET", "/monitor/export/counts", null).statusCode(), "role user may look");
    }

    private static long count(String status) throws Exception {
        String body = Http.admin("GET", "/monitor/export/count?status=" + status, null).body();
        return Long.parseLong(body.replaceAll("\\D", ""));
    }

    @Test
    void secretsAreMaskedInDeviceJsonAndKeptInLdap() throws Exception {
        String storage = """
                {"dcmStorageID":"masked-s3","dcmURI":"jclouds:s3:http://127.0.0.1:9/",
                 "dcmProperty":["container=arca","identity=access","credential=top-secret-key"]}""";
        HttpResponse<String> add = Http.admin("POST", "/devices/dcm4chee-arc/dcmStorage", storage);
        assertTrue(add.statusCode() == 201 || add.statusCode() == 409, add.body());
        HttpResponse<String> device = Http.viewer("GET", "/devices/dcm4chee-arc", null);
        assertFalse(device.body().contains("top-secret-key"), device.body());
        assertTrue(device.body().contains("credential=******"), device.body());
        assertFalse(Http.admin("GET", "/devices/dcm4chee-arc/dcmStorage/masked-s3", null).body().contains("top-secret"));
        // the form sends the mask back unchanged: the stored secret stays
        String edited = storage.replace("top-secret-key", "******").replace("container=arca", "container=arca2");
        HttpResponse<String> put = Http.admin("PUT", "/devices/dcm4chee-arc/dcmStorage/masked-s3", edited);
        assertEquals(200, put.statusCode(), put.body());
        String props = Http.ldap("dcmStorageID=masked-s3," + Http.ARCHIVE_DN).get("dcmProperty").toString();
        assertTrue(props.contains("credential=top-secret-key") && props.contains("container=arca2"), props);
        assertEquals(200, Http.admin("DELETE", "/devices/dcm4chee-arc/dcmStorage/masked-s3", null).statusCode());
    }
}
