package org.arca.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import javax.naming.directory.Attributes;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The configuration REST the UI uses: a child of the device added, changed and deleted in LDAP,
 * checked by the same loader that reads the configuration at start; a wrong value is a 400
 * naming the attribute and leaves LDAP as it was.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationRestIT {

    private static final String EXPORTERS = "/devices/dcm4chee-arc/dcmExporter";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Http.ear();
    }

    @Test
    void exporterWithScheduleIsWrittenToLdapAndReloaded() throws Exception {
        String body = """
                {"dcmExporterID":"NIGHTLY","dcmURI":"dicom:STORESCP","dcmQueueName":"Export3",
                 "dicomAETitle":"DCM4CHEE","dcmSchedule":["hour=18-6 dayOfWeek=*"],"dicomDescription":"night"}""";
        HttpResponse<String> add = Http.admin("POST", EXPORTERS, body);
        assertEquals(201, add.statusCode(), add.body());
        assertTrue(add.body().contains("\"reloaded\":true"), add.body());
        Attributes entry = Http.ldap("dcmExporterID=NIGHTLY," + Http.ARCHIVE_DN);
        assertEquals("hour=18-6 dayOfWeek=*", entry.get("dcmSchedule").get());
        assertEquals("Export3", entry.get("dcmQueueName").get());
        assertEquals(409, Http.admin("POST", EXPORTERS, body).statusCode());

        HttpResponse<String> bad = Http.admin("PUT", EXPORTERS + "/NIGHTLY", body.replace("hour=18-6", "hour=25"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"attribute\":\"dcmSchedule\""), bad.body());
        assertTrue(bad.body().contains("dcmSchedule: bad schedule"), bad.body());
        assertEquals("hour=18-6 dayOfWeek=*",
                Http.ldap("dcmExporterID=NIGHTLY," + Http.ARCHIVE_DN).get("dcmSchedule").get(), "LDAP unchanged");

        HttpResponse<String> noQueue = Http.admin("PUT", EXPORTERS + "/NIGHTLY", body.replace("Export3", "NoSuchQueue"));
        assertEquals(400, noQueue.statusCode(), noQueue.body());
        assertTrue(noQueue.body().contains("\"attribute\":\"dcmQueueName\""), noQueue.body());

        HttpResponse<String> scheme = Http.admin("PUT", EXPORTERS + "/NIGHTLY", body.replace("dicom:STORESCP", "ftp:x"));
        assertEquals(400, scheme.statusCode(), scheme.body());
        assertTrue(scheme.body().contains("\"attribute\":\"dcmURI\""), scheme.body());

        HttpResponse<String> edit = Http.admin("PUT", EXPORTERS + "/NIGHTLY", body.replace("night", "at night"));
        assertEquals(200, edit.statusCode(), edit.body());
        assertEquals("at night", Http.ldap("dcmExporterID=NIGHTLY," + Http.ARCHIVE_DN).get("dicomDescription").get());
        assertTrue(Http.admin("GET", EXPORTERS + "/NIGHTLY", null).body().contains("at night"));

        // a queue still named by an exporter cannot go
        HttpResponse<String> queue = Http.admin("DELETE", "/devices/dcm4chee-arc/dcmQueue/Export3", null);
        assertEquals(400, queue.statusCode(), queue.body());
        assertTrue(Http.ldap("dcmQueueName=Export3," + Http.ARCHIVE_DN) != null);

        assertEquals(200, Http.admin("DELETE", EXPORTERS + "/NIGHTLY", null).statusCode());
        assertNull(Http.ldap("dcmExporterID=NIGHTLY," + Http.ARCHIVE_DN));
        assertEquals(404, Http.admin("DELETE", EXPORTERS + "/NIGHTLY", null).statusCode());
    }

    @Test
    void s3StorageOfTheWikiIsAccepted() throws Exception {
        // seed 000 ("Using Archive UI"): the properties of an S3 storage descriptor
        String body = """
                {"dcmStorageID":"wiki-s3","dcmURI":"jclouds:aws-s3:https://arca-bucket",
                 "dcmDigestAlgorithm":"MD5","dcmInstanceAvailability":"ONLINE",
                 "dcmProperty":["container=arca-bucket","jclouds.s3.virtual-host-buckets=true",
                   "credential=the-secret-key","identity=the-access-key","jclouds.strip-expect-header=true",
                   "containerExists=true","jclouds.relax-hostname=true"]}""";
        HttpResponse<String> add = Http.admin("POST", "/devices/dcm4chee-arc/dcmStorage", body);
        assertEquals(201, add.statusCode(), add.body());
        Attributes entry = Http.ldap("dcmStorageID=wiki-s3," + Http.ARCHIVE_DN);
        assertEquals(7, entry.get("dcmProperty").size());
        HttpResponse<String> bad = Http.admin("PUT", "/devices/dcm4chee-arc/dcmStorage/wiki-s3",
                body.replace("\"ONLINE\"", "\"SOMETIMES\""));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("dcmInstanceAvailability"), bad.body());
        assertEquals(200, Http.admin("DELETE", "/devices/dcm4chee-arc/dcmStorage/wiki-s3", null).statusCode());
    }
}
