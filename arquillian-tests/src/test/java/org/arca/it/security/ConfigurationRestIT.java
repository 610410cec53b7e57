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

    /**
     * A device that an exporter (by dicom: or stow: URI) or an export rule (by dicomDeviceName)
     * still names is not deleted: 409 naming each of them, LDAP unchanged; once they are gone it
     * is. The device the archive runs as is never deleted.
     */
    @Test
    void deviceStillNamedElsewhereIsNotDeleted() throws Exception {
        String peer = "dicomDeviceName=ref-peer,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
        try {
            assertEquals(201, Http.admin("POST", "/devices", "{\"dicomDeviceName\":\"ref-peer\"}").statusCode());
            assertEquals(201, Http.admin("POST", "/devices/ref-peer/dicomNetworkConnection",
                    "{\"cn\":\"dicom\",\"dicomHostname\":\"127.0.0.1\",\"dicomPort\":11119}").statusCode());
            HttpResponse<String> ae = Http.admin("POST", "/devices/ref-peer/dicomNetworkAE",
                    "{\"dicomAETitle\":\"REFPEER\",\"dicomNetworkConnectionReference\":[\"cn=dicom," + peer + "\"]}");
            assertEquals(201, ae.statusCode(), ae.body());
            assertEquals(201, Http.admin("POST", "/devices/ref-peer/dcmWebApp", "{\"dcmWebAppName\":\"ref-peer-rs\","
                    + "\"dcmWebServicePath\":\"/rs\",\"dcmWebServiceClass\":[\"STOW_RS\"]}").statusCode());
            assertEquals(201, Http.admin("POST", EXPORTERS, "{\"dcmExporterID\":\"REF-DICOM\",\"dcmURI\":\"dicom:REFPEER\","
                    + "\"dcmQueueName\":\"Export1\"}").statusCode());
            assertEquals(201, Http.admin("POST", EXPORTERS, "{\"dcmExporterID\":\"REF-STOW\",\"dcmURI\":\"stow:ref-peer-rs\","
                    + "\"dcmQueueName\":\"Export1\"}").statusCode());
            HttpResponse<String> rule = Http.admin("POST", "/devices/dcm4chee-arc/dcmExportRule", "{\"cn\":\"REF-RULE\","
                    + "\"dcmEntity\":\"Study\",\"dcmExporterID\":[\"ON-PEER\"],\"dicomDeviceName\":\"ref-peer\"}");
            assertEquals(201, rule.statusCode(), rule.body());

            HttpResponse<String> refused = Http.admin("DELETE", "/devices/ref-peer", null);
            assertEquals(409, refused.statusCode(), refused.body());
            for (String named : new String[] {"exporter REF-DICOM of device dcm4chee-arc (dcmURI: dicom:REFPEER)",
                "exporter REF-STOW of device dcm4chee-arc (dcmURI: stow:ref-peer-rs)",
                "export rule REF-RULE of device dcm4chee-arc (dicomDeviceName: ref-peer)"}) {
                assertTrue(refused.body().contains(named), named + " in " + refused.body());
            }
            assertTrue(refused.body().contains("\"dcmExporterID=REF-DICOM," + Http.ARCHIVE_DN + "\""), refused.body());
            assertTrue(Http.ldap("dicomAETitle=REFPEER," + peer) != null, "LDAP unchanged");

            for (String path : new String[] {EXPORTERS + "/REF-DICOM", EXPORTERS + "/REF-STOW"}) {
                assertEquals(200, Http.admin("DELETE", path, null).statusCode());
            }
            HttpResponse<String> still = Http.admin("DELETE", "/devices/ref-peer", null);
            assertEquals(409, still.statusCode(), still.body());
            assertTrue(still.body().contains("REF-RULE") && !still.body().contains("REF-DICOM"), still.body());
            assertEquals(200, Http.admin("DELETE", "/devices/dcm4chee-arc/dcmExportRule/REF-RULE", null).statusCode());
            HttpResponse<String> deleted = Http.admin("DELETE", "/devices/ref-peer", null);
            assertEquals(200, deleted.statusCode(), deleted.body());
            assertNull(Http.ldap(peer));
            assertNull(Http.ldap("dicomAETitle=REFPEER,cn=Unique AE Titles Registry,cn=DICOM Configuration,dc=dcm4che,dc=org"));

            HttpResponse<String> own = Http.admin("DELETE", "/devices/dcm4chee-arc", null);
            assertEquals(409, own.statusCode(), own.body());
            assertTrue(own.body().contains("the one this archive runs as"), own.body());
        } finally {
            Http.admin("DELETE", "/devices/dcm4chee-arc/dcmExportRule/REF-RULE", null);
            Http.admin("DELETE", EXPORTERS + "/REF-DICOM", null);
            Http.admin("DELETE", EXPORTERS + "/REF-STOW", null);
            Http.admin("DELETE", "/devices/ref-peer", null);
        }
    }

    /**
     * An AE's export rules are nested entries of its JSON, checked by the loader like the
     * device's: a wrong schedule is a 400 naming the attribute and the rule's DN, LDAP unchanged.
     */
    @Test
    void aeExportRulesAreCheckedLikeTheDevicesRules() throws Exception {
        String aes = "/devices/dcm4chee-arc/dicomNetworkAE";
        String ae = "{\"dicomAETitle\":\"RULE-AE\",\"dicomNetworkConnectionReference\":[\"cn=dicom," + Http.ARCHIVE_DN + "\"],"
                + "\"dcmExportRule\":[{\"cn\":\"To STORESCP\",\"dcmEntity\":\"Study\",\"dcmExporterID\":[\"STORESCP\"],"
                + "\"dcmSchedule\":[\"hour=18-6 dayOfWeek=*\"],\"dcmProperty\":[\"Modality=CT\"]}]}";
        String ruleDn = "cn=To STORESCP,dicomAETitle=RULE-AE," + Http.ARCHIVE_DN;
        try {
            HttpResponse<String> add = Http.admin("POST", aes, ae);
            assertEquals(201, add.statusCode(), add.body());
            assertEquals("hour=18-6 dayOfWeek=*", Http.ldap(ruleDn).get("dcmSchedule").get());
            assertTrue(Http.admin("GET", aes + "/RULE-AE", null).body().contains("\"dcmExportRule\":[{"));

            HttpResponse<String> bad = Http.admin("PUT", aes + "/RULE-AE", ae.replace("hour=18-6", "hour=99"));
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("\"attribute\":\"dcmSchedule\"") && bad.body().contains("\"dn\":\"" + ruleDn + "\""),
                    bad.body());
            HttpResponse<String> noExporter = Http.admin("PUT", aes + "/RULE-AE", ae.replace("[\"STORESCP\"]", "[\"NO-SUCH\"]"));
            assertEquals(400, noExporter.statusCode(), noExporter.body());
            assertTrue(noExporter.body().contains("\"attribute\":\"dcmExporterID\""), noExporter.body());
            HttpResponse<String> noName = Http.admin("PUT", aes + "/RULE-AE", ae.replace("\"cn\":\"To STORESCP\",", ""));
            assertEquals(400, noName.statusCode(), noName.body());
            assertTrue(noName.body().contains("\"attribute\":\"dcmExportRule\""), noName.body());
            assertEquals("hour=18-6 dayOfWeek=*", Http.ldap(ruleDn).get("dcmSchedule").get(), "LDAP unchanged");
        } finally {
            Http.admin("DELETE", aes + "/RULE-AE", null);
        }
        assertNull(Http.ldap(ruleDn));
    }
}
