package org.arca.it.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.dimse.DataWriter;
import org.arca.it.ConfigEntries;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wrong values an administrator imports into LDAP (a port that is not a number, an unknown
 * URI scheme, hour=25, an exporter naming a missing queue) reach the running archive through
 * POST /ctrl/reload: the answer names each DN and attribute, and the rest of the configuration
 * keeps working (C-ECHO and C-STORE to DCM4CHEE). Removing them gives a clean reload again.
 */
@ExtendWith(ArquillianExtension.class)
class WrongValueIT {
    private static final String DEVICE = ConfigEntries.ARCHIVE;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Archive.ear();
    }

    @Test
    void reloadNamesEachWrongValueAndTheRestKeepsWorking() throws Exception {
        String port = "cn=wrong-port," + DEVICE;
        String scheme = "dcmStorageID=wrong-scheme," + DEVICE;
        String hour = "dcmExporterID=WRONG-HOUR," + DEVICE;
        String queue = "dcmExporterID=WRONG-QUEUE," + DEVICE;
        try {
            boolean portImported = importWrongPort(port);
            ConfigEntries.add(scheme, "objectClass: dcmStorage", "dcmStorageID: wrong-scheme",
                    "dcmURI: tape:/dev/st0");
            ConfigEntries.add(hour, "objectClass: dcmExporter", "dcmExporterID: WRONG-HOUR", "dcmURI: dicom:STORESCP",
                    "dcmQueueName: Export1", "dicomAETitle: DCM4CHEE", "dcmSchedule: hour=25");
            ConfigEntries.add(queue, "objectClass: dcmExporter", "dcmExporterID: WRONG-QUEUE",
                    "dcmURI: dicom:STORESCP", "dcmQueueName: Export99", "dicomAETitle: DCM4CHEE");

            HttpResponse<String> r = Archive.reload();
            Map<String, String> errors = errors(r);
            if (portImported) {
                assertEquals("dicomPort", errors.get(port), r.body());
            }
            assertEquals("dcmURI", errors.get(scheme), r.body());
            assertEquals("dcmSchedule", errors.get(hour), r.body());
            assertEquals("dcmQueueName", errors.get(queue), r.body());
            assertEquals(portImported ? 4 : 3, errors.size(), r.body());
            assertTrue((!portImported || r.body().contains("eleven")) && r.body().contains("25") && r.body().contains("Export99")
                    && r.body().contains("tape"), "each message quotes the wrong value: " + r.body());

            Association as = Archive.connect("DCM4CHEE");
            try {
                assertEquals(0, as.echo(), "C-ECHO after a reload with wrong values");
                String iuid = Archive.uid();
                byte[] data = Archive.instance(Archive.uid(), Archive.uid(), iuid, "stored beside wrong values");
                assertEquals(0, as.store(Archive.SC, iuid, Archive.EXPLICIT_LE, DataWriter.of(data)).status());
                assertEquals(1, Archive.storedCopies(data));
            } finally {
                as.release();
            }
        } finally {
            for (String dn : new String[] {port, scheme, hour, queue}) {
                ConfigEntries.remove(dn);
            }
        }
        HttpResponse<String> clean = Archive.reload();
        assertEquals(Map.of(), errors(clean), clean.body());
    }

    /**
     * A connection whose port is not a number. The embedded LDAP may refuse it at import, as
     * OpenLDAP does, because the schema gives dicomPort the INTEGER syntax: then the refusal
     * must name the attribute, and the reload has one wrong value less to report.
     */
    private static boolean importWrongPort(String dn) throws Exception {
        try {
            ConfigEntries.add(dn, "objectClass: dicomNetworkConnection", "cn: wrong-port",
                    "dicomHostname: 127.0.0.1", "dicomPort: eleven");
            return true;
        } catch (javax.naming.directory.InvalidAttributeValueException e) {
            assertTrue(String.valueOf(e.getMessage()).contains("dicomPort"), e.toString());
            return false;
        }
    }

    /** DN to attribute of each error in a reload's answer. */
    private static Map<String, String> errors(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = Json.createReader(new StringReader(r.body())).readObject();
        Map<String, String> byDn = new HashMap<>();
        o.getJsonArray("errors").getValuesAs(JsonObject.class)
                .forEach(e -> byDn.put(e.getString("dn"), e.getString("attribute")));
        return byDn;
    }
}
