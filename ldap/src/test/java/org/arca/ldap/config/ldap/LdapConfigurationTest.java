package org.arca.ldap.config.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.naming.NameAlreadyBoundException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.ldap.LdapContext;

import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.QueueDescriptor;
import org.arca.ldap.config.Schedule;
import org.arca.ldap.config.StorageDescriptor;
import org.arca.ldap.config.json.DeviceJson;
import org.arca.ldap.embedded.EmbeddedDirectory;
import org.arca.ldap.testutil.JsonCheck;
import org.arca.ldap.testutil.Jndi;
import org.arca.ldap.testutil.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model and its LDAP mapping against the embedded directory with the default configuration. */
class LdapConfigurationTest {
    static final String DEVICE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    @TempDir static Path tmp;
    static EmbeddedDirectory ds;
    static LdapConfiguration conf;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("arca.data.dir", "/srv/arca-data");
        ds = EmbeddedDirectory.start(tmp.resolve("ldap"), "127.0.0.1", Ports.freeLoopbackPort(), "secret");
        conf = LdapConfiguration.connect(ds.url() + "/dc=dcm4che,dc=org", EmbeddedDirectory.MANAGER_DN, "secret");
    }

    @AfterAll
    static void stop() throws Exception {
        conf.close();
        ds.close();
    }

    @Test
    void loadsTheDefaultConfiguration() throws Exception {
        assertEquals(Set.of("dcm4chee-arc", "storescp", "stowrsd"), Set.copyOf(conf.deviceNames()));
        LoadResult r = conf.loadDevice("dcm4chee-arc");
        assertEquals(List.of(), r.errors());
        Device d = r.device();
        assertTrue(d.isArchiveDevice());
        assertEquals(Duration.ofMinutes(1), d.getTaskPollingInterval());
        assertEquals(List.of(11112, 2762, 8080, 8443),
                d.getConnections().stream().map(c -> c.getPort()).toList());
        assertTrue(d.getConnection("dicom-tls").isTls());
        ApplicationEntity ae = d.getApplicationEntity("DCM4CHEE");
        assertEquals(List.of("dicom", "dicom-tls"), ae.getConnectionNames());
        assertEquals(List.of("fs1"), ae.getObjectStorageIDs());
        assertEquals(11, ae.getTransferCapabilities().size()); // incl. Storage Commitment Push Model SCP
        StorageDescriptor fs1 = d.getStorage("fs1");
        assertEquals("file:${arca.data.dir}/fs1/", fs1.getUri());
        assertEquals("file:/srv/arca-data/fs1/", fs1.getResolvedUri());
        assertEquals(10, d.getQueues().size());
        QueueDescriptor q = d.getQueue("Export7");
        assertEquals(10, q.getMaxRetries());
        assertEquals(Duration.ofSeconds(30), q.getRetryDelay());
        assertEquals(200, q.getRetryDelayMultiplier());
        assertEquals(Duration.ofMinutes(10), q.getMaxRetryDelay());
        assertEquals("dicom", d.getExporter("STORESCP").getScheme());
        assertEquals("STORESCP", d.getExporter("STORESCP").getTarget());
        assertEquals("stowrsd", d.getExporter("STOWRSD").getTarget());
        assertEquals(3, d.getWebApplications().size());
        Device stowrsd = conf.loadDevice("stowrsd").device();
        assertEquals("/stowrs", stowrsd.getWebApplication("stowrsd").getServicePath());
        assertEquals(8090, stowrsd.getConnection("http").getPort());
        assertEquals(11113, conf.loadDevice("storescp").device().getConnection("dicom").getPort());
    }

    @Test
    void badValuesAreReportedWithDnAndAttributeAndTheRestLoads() throws Exception {
        LdapContext ctx = ctx();
        try {
            add(ctx, "dcmExporterID=BadScheme," + DEVICE, "objectClass", "dcmExporter", "dcmExporterID", "BadScheme",
                    "dcmURI", "ftp:somewhere", "dcmQueueName", "Export1");
            add(ctx, "dcmExporterID=BadHour," + DEVICE, "objectClass", "dcmExporter", "dcmExporterID", "BadHour",
                    "dcmURI", "dicom:STORESCP", "dcmQueueName", "Export1", "dcmSchedule", "hour=25");
            add(ctx, "dcmExporterID=NoQueue," + DEVICE, "objectClass", "dcmExporter", "dcmExporterID", "NoQueue",
                    "dcmURI", "dicom:STORESCP", "dcmQueueName", "NoSuchQueue");
            add(ctx, "dcmStorageID=weird," + DEVICE, "objectClass", "dcmStorage", "dcmStorageID", "weird",
                    "dcmURI", "gopher:x");
            try {
                LoadResult r = conf.loadDevice("dcm4chee-arc");
                Set<String> errors = r.errors().stream().map(e -> e.dn() + "|" + e.attribute()).collect(Collectors.toSet());
                assertEquals(Set.of("dcmExporterID=BadScheme," + DEVICE + "|dcmURI",
                        "dcmExporterID=BadHour," + DEVICE + "|dcmSchedule",
                        "dcmExporterID=NoQueue," + DEVICE + "|dcmQueueName",
                        "dcmStorageID=weird," + DEVICE + "|dcmURI"), errors);
                ConfigurationError hour = r.errors().stream().filter(e -> e.attribute().equals("dcmSchedule")).findFirst().orElseThrow();
                assertTrue(hour.message().contains("hour=25"), hour.message());
                Device d = r.device();
                assertEquals(Set.of("STORESCP", "STOWRSD"), d.getExporters().stream().map(ExporterDescriptor::getId).collect(Collectors.toSet()));
                assertNull(d.getStorage("weird"));
                assertNotNull(d.getStorage("fs1"));
                assertEquals(10, d.getQueues().size());
            } finally {
                for (String id : List.of("BadScheme", "BadHour", "NoQueue")) ctx.destroySubcontext("dcmExporterID=" + id + "," + DEVICE);
                ctx.destroySubcontext("dcmStorageID=weird," + DEVICE);
            }
        } finally {
            ctx.close();
        }
    }

    @Test
    void writeBackIsTheSmallestSetOfChanges() throws Exception {
        Device before = conf.loadDevice("dcm4chee-arc").device();
        Device withFs2 = conf.loadDevice("dcm4chee-arc").device();
        withFs2.addStorage(new StorageDescriptor("fs2", "file:${arca.data.dir}/fs2/"));
        assertEquals(List.of("add dcmStorageID=fs2," + DEVICE), strings(conf.store(before, withFs2)));

        Device after = conf.loadDevice("dcm4chee-arc").device();
        Device loaded = conf.loadDevice("dcm4chee-arc").device();
        after.addExporter(new ExporterDescriptor("NEW", "dicom:STORESCP", "Export3").setAeTitle("DCM4CHEE"));
        after.getQueue("Export3").setSchedules(List.of(Schedule.parse("hour=18-6 dayOfWeek=*")));
        after.removeStorage("fs2");
        assertEquals(List.of(
                "delete dcmStorageID=fs2," + DEVICE,
                "modify dcmQueueName=Export3," + DEVICE + " [replace dcmSchedule]",
                "add dcmExporterID=NEW," + DEVICE), strings(conf.store(loaded, after)));

        Device reloaded = conf.loadDevice("dcm4chee-arc").device();
        assertEquals("hour=18-6 dayOfWeek=*", reloaded.getQueue("Export3").getSchedules().get(0).toString());
        assertEquals("Export3", reloaded.getExporter("NEW").getQueueName());
        assertNull(reloaded.getStorage("fs2"));
        assertEquals(List.of(), ImageDiff.diff(DEVICE, DeviceMapping.image(after, DEVICE), DeviceMapping.image(reloaded, DEVICE)));

        // restore for the other tests
        conf.store(reloaded, before);
        assertEquals(List.of(), ImageDiff.diff(DEVICE, DeviceMapping.image(before, DEVICE),
                DeviceMapping.image(conf.loadDevice("dcm4chee-arc").device(), DEVICE)));
    }

    @Test
    void aeTitlesAreRegisteredAndUnique() throws Exception {
        Device before = conf.loadDevice("dcm4chee-arc").device();
        Device after = conf.loadDevice("dcm4chee-arc").device();
        after.addApplicationEntity(new ApplicationEntity("ARC2").setConnectionNames(List.of("dicom")));
        conf.store(before, after);
        assertTrue(conf.isAETitleRegistered("ARC2"));
        assertEquals(List.of("dicom"), conf.loadDevice("dcm4chee-arc").device().getApplicationEntity("ARC2").getConnectionNames());

        Device clash = conf.loadDevice("dcm4chee-arc").device();
        clash.addApplicationEntity(new ApplicationEntity("STORESCP").setConnectionNames(List.of("dicom")));
        clash.setDescription("must not be written");
        Device current = conf.loadDevice("dcm4chee-arc").device();
        assertThrows(NameAlreadyBoundException.class, () -> conf.store(current, clash));
        assertEquals("Arca DICOM archive", conf.loadDevice("dcm4chee-arc").device().getDescription());

        conf.store(conf.loadDevice("dcm4chee-arc").device(), before);
        assertFalse(conf.isAETitleRegistered("ARC2"));
        assertTrue(conf.isAETitleRegistered("STORESCP"));
    }

    @Test
    void deviceAsJson() throws Exception {
        String json = DeviceJson.write(conf.loadDevice("dcm4chee-arc").device(), DEVICE);
        JsonCheck.assertValid(json);
        assertTrue(json.startsWith("{\"dicomDeviceName\":\"dcm4chee-arc\""), json);
        assertTrue(json.contains("\"dicomPort\":11112"), json);
        assertTrue(json.contains("\"dicomInstalled\":true"), json);
        assertTrue(json.contains("\"dcmQueue\":[{\"dcmQueueName\":\"Export1\""), json);
        assertTrue(json.contains("\"dcmURI\":\"file:${arca.data.dir}/fs1/\""), json);
        assertTrue(json.contains("\"dcmWebServiceClass\":[\"QIDO_RS\",\"STOW_RS\",\"WADO_RS\",\"QIDO_COUNT\"]"), json);
    }

    static List<String> strings(List<Change> changes) {
        return changes.stream().map(Change::toString).toList();
    }

    static LdapContext ctx() throws Exception {
        return Jndi.connect(ds.url(), EmbeddedDirectory.MANAGER_DN, "secret");
    }

    static void add(LdapContext ctx, String dn, String... kv) throws Exception {
        BasicAttributes a = new BasicAttributes(true);
        for (int i = 0; i < kv.length; i += 2) {
            BasicAttribute attr = (BasicAttribute) a.get(kv[i]);
            if (attr == null) a.put(attr = new BasicAttribute(kv[i]));
            attr.add(kv[i + 1]);
        }
        ctx.createSubcontext(dn, a).close();
    }
}
