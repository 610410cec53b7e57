package org.arca.dicomweb.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import org.arca.ldap.config.ldap.DeviceReader;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void secretPropertiesAndAttributesAreMaskedAtAnyDepth() {
        String masked = Secrets.mask(json("""
                {"dicomDeviceName":"d","dcmWebApp":[{"dcmWebAppName":"w","dcmProperty":["basic-auth=u:p",
                 "bearer-token=abc","url=http://x"]}],"dcmStorage":[{"dcmStorageID":"s3","dcmProperty":
                 ["credential=key","identity=me","jclouds.credential=k2"]}],"dcmKeyStorePin":"1234"}""")).toString();
        for (String secret : new String[] {"u:p", "abc", "key\"", "k2", "1234"}) {
            assertFalse(masked.contains(secret), secret + " in " + masked);
        }
        assertTrue(masked.contains("\"basic-auth=******\"") && masked.contains("\"credential=******\""), masked);
        assertTrue(masked.contains("identity=me") && masked.contains("url=http://x"), masked);
    }

    @Test
    void aMaskSentBackKeepsTheStoredValue() throws Exception {
        assertEquals("credential=old", Secrets.restore("credential=******", List.of("identity=a", "credential=old")));
        assertEquals("credential=new", Secrets.restore("credential=new", List.of("credential=old")));
        assertNull(Secrets.restore("credential=******", List.of()));

        BasicAttributes stored = new BasicAttributes(true);
        BasicAttribute p = new BasicAttribute("dcmProperty", "credential=old");
        p.add("container=a");
        stored.put(p);
        List<DeviceReader.Entry> entries = EntryJson.entries(ChildKind.STORAGE, "s3",
                json("{\"dcmURI\":\"s3:x\",\"dcmProperty\":[\"credential=******\",\"container=b\"]}"),
                "dicomDeviceName=d,cn=Devices", stored);
        String attrs = entries.get(0).attributes().get("dcmProperty").toString();
        assertTrue(attrs.contains("credential=old") && attrs.contains("container=b"), attrs);
        assertThrows(EntryJson.BadEntry.class, () -> EntryJson.entries(ChildKind.STORAGE, "s3",
                json("{\"dcmProperty\":[\"credential=******\"]}"), "dicomDeviceName=d,cn=Devices", null));
    }

    @Test
    void aPasswordInAUriIsMaskedAndKeptWhenSentBack() throws Exception {
        String masked = Secrets.mask(json("""
                {"dcmExporter":[{"dcmExporterID":"e","dcmURI":"stowrs:https://bob:s3cr:et@pacs.example:8443/rs"},
                 {"dcmExporterID":"f","dcmURI":"dicom:PACS"},{"dcmExporterID":"g","dcmURI":"http://bob@x/a"}]}""")).toString();
        assertFalse(masked.contains("s3cr"), masked);
        assertTrue(masked.contains("stowrs:https://bob:******@pacs.example:8443/rs"), masked);
        assertTrue(masked.contains("dicom:PACS") && masked.contains("http://bob@x/a"), masked);

        String stored = "stowrs:https://bob:s3cr:et@pacs.example:8443/rs";
        BasicAttributes attrs = new BasicAttributes(true);
        attrs.put(new BasicAttribute("dcmURI", stored));
        List<DeviceReader.Entry> entries = EntryJson.entries(ChildKind.EXPORTER, "e",
                json("{\"dcmURI\":\"stowrs:https://bob:******@pacs.example:8443/rs\"}"), "dicomDeviceName=d,cn=Devices", attrs);
        assertEquals(stored, entries.get(0).attributes().get("dcmURI").get());
        assertThrows(EntryJson.BadEntry.class, () -> EntryJson.entries(ChildKind.EXPORTER, "e",
                json("{\"dcmURI\":\"stowrs:https://bob:******@other:8443/rs\"}"), "dicomDeviceName=d,cn=Devices", attrs));
    }

    @Test
    void anAeCarriesItsTransferCapabilitiesAsChildEntries() throws Exception {
        List<DeviceReader.Entry> entries = EntryJson.entries(ChildKind.AE, "AE1", json("""
                {"dicomAETitle":"AE1","dicomAssociationAcceptor":true,"dicomTransferCapability":
                 [{"cn":"CT","dicomSOPClass":"1.2.840.10008.5.1.4.1.1.2","dicomTransferRole":"SCP",
                   "dicomTransferSyntax":["1.2.840.10008.1.2"]}]}"""), "dicomDeviceName=d,cn=Devices", null);
        assertEquals(2, entries.size());
        assertEquals("TRUE", entries.get(0).attributes().get("dicomAssociationAcceptor").get());
        assertEquals("cn=CT,dicomAETitle=AE1,dicomDeviceName=d,cn=Devices", entries.get(1).dn());
    }
}
