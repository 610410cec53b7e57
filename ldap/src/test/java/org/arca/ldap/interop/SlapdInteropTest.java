package org.arca.ldap.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.Schedule;
import org.arca.ldap.config.StorageDescriptor;
import org.arca.ldap.config.ldap.LdapConfiguration;
import org.arca.ldap.testutil.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our files against OpenLDAP (Debian slapd) the way an administrator uses them: schema with
 * ldapadd as cn=config, the three data files, then the wiki's LDIF unchanged; the loader reads
 * the result and write-back shows exactly in ldapsearch. Steps run in order on one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlapdInteropTest {
    static final String DEVICE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration," + Slapd.SUFFIX;
    /** Where the wiki's StoreToS3 LDIF, as printed, puts the exporter. */
    static final String MISSPELLED_S3 = "dcmExporterID=StoreToS3,dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOMConfiguration," + Slapd.SUFFIX;

    @TempDir static Path tmp;
    Slapd slapd;
    final Path module = Path.of(System.getProperty("arca.ldap.module.dir", "."));

    @BeforeAll
    void start() throws Exception {
        slapd = Slapd.start(tmp.resolve("slapd"), Ports.freeLoopbackPort());
    }

    @AfterAll
    void stop() throws Exception {
        if (slapd != null) slapd.close();
    }

    @Test @Order(1)
    void schemaLoadsAsCnConfig() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(module.resolve("slapd"))) {
            files = s.filter(p -> p.toString().endsWith(".ldif")).sorted().toList();
        }
        assertEquals(2, files.size());
        for (Path f : files) slapd.ldapadd("cn=config", f).orFail("ldapadd " + f);
        String schema = Commands.run(List.of("ldapsearch", "-LLL", "-x", "-H", slapd.url(), "-D", "cn=config", "-w",
                Slapd.PASSWORD, "-b", "cn=schema,cn=config", "-s", "one", "cn"), null).orFail("ldapsearch").out();
        assertTrue(schema.contains("}dicom") && schema.contains("}arca"), schema);
    }

    @Test @Order(2)
    void dataFilesLoad() throws Exception {
        for (String f : List.of("init-baseDN.ldif", "init-config.ldif", "default-config.ldif"))
            slapd.ldapadd(Slapd.MANAGER, module.resolve(f)).orFail("ldapadd " + f);
        String dns = slapd.ldapsearch(DEVICE, "one", "(objectClass=dcmQueue)");
        assertEquals(10, count(dns, "dn: "));
    }

    @Test @Order(3)
    void wrongSyntaxIsRejectedAtImport() throws Exception {
        Commands.Result r = slapd.ldapadd(Slapd.MANAGER, String.join("\n",
                "dn: cn=bad," + DEVICE, "objectClass: dicomNetworkConnection", "cn: bad",
                "dicomHostname: 127.0.0.1", "dicomPort: notanumber", ""));
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("Invalid syntax"), r.err());
        Commands.Result flag = slapd.ldapadd(Slapd.MANAGER, String.join("\n",
                "dn: dcmQueueName=Bad," + DEVICE, "objectClass: dcmQueue", "dcmQueueName: Bad",
                "dicomInstalled: maybe", ""));
        assertTrue(flag.err().contains("Invalid syntax"), flag.err());
    }

    @Test @Order(4)
    void wikiLdifLoadsUnchanged() throws Exception {
        slapd.ldapadd(Slapd.MANAGER, seed("wiki-amazon-s3-storage.ldif")).orFail("seed 000 storage");
        slapd.ldapadd(Slapd.MANAGER, seed("wiki-stow-exporter.ldif")).orFail("seed 001 exporter");
        // The wiki's StoreToS3 block names "cn=DICOMConfiguration" (no space); default-config.ldif
        // holds that misspelled tree with a placeholder device, so the block loads as printed.
        slapd.ldapadd(Slapd.MANAGER, seed("wiki-store-to-s3-exporter.ldif")).orFail("seed 000 exporter, as printed");
    }

    @Test @Order(5)
    void loaderReadsWhatTheWikiAdded() throws Exception {
        try (LdapConfiguration conf = LdapConfiguration.connect(slapd.url(), Slapd.MANAGER, Slapd.PASSWORD)) {
            LoadResult r = conf.loadDevice("dcm4chee-arc");
            assertEquals(List.of(new org.arca.ldap.config.ConfigurationError(MISSPELLED_S3, null,
                    "read as dcmExporterID=StoreToS3," + DEVICE
                            + " ('cn=DICOMConfiguration' is a misspelling of 'cn=DICOM Configuration')")), r.errors());
            Device d = r.device();
            StorageDescriptor s3 = d.getStorage("amazon-s3");
            assertEquals("jclouds", s3.getScheme());
            assertEquals("jclouds:aws-s3:https://<bucket-name>", s3.getUri());
            assertEquals("MD5", s3.getDigestAlgorithm());
            assertEquals("<bucket-name>", s3.getProperties().get("container"));
            assertEquals("true", s3.getProperties().get("jclouds.s3.virtual-host-buckets"));
            assertEquals(7, s3.getProperties().size());
            ExporterDescriptor stow = d.getExporter("StowExporter");
            assertEquals("stow", stow.getScheme());
            assertEquals("DCM4CHEE", stow.getTarget());
            assertEquals("Export1", stow.getQueueName());
            assertEquals("DCM4CHEE1", stow.getAeTitle());
            assertEquals("Export objects using STOW-RS service", stow.getDescription());
            ExporterDescriptor toS3 = d.getExporter("StoreToS3");
            assertEquals("amazon-s3", toS3.getTarget());
            assertEquals("Export6", toS3.getQueueName());
            assertEquals(List.of("ARCHIVE"), d.getPrimaryDeviceTypes());
        }
    }

    @Test @Order(6)
    void writeBackShowsExactlyInLdapsearch() throws Exception {
        String before = slapd.ldapsearch(Slapd.SUFFIX, "sub", "(objectClass=*)");
        try (LdapConfiguration conf = LdapConfiguration.connect(slapd.url() + "/" + Slapd.SUFFIX, Slapd.MANAGER, Slapd.PASSWORD)) {
            Device loaded = conf.loadDevice("dcm4chee-arc").device();
            Device changed = conf.loadDevice("dcm4chee-arc").device();
            changed.getExporter("StowExporter").setSchedules(List.of(Schedule.parse("hour=18-6 dayOfWeek=*"),
                    Schedule.parse("hour=* dayOfWeek=0,6")));
            changed.removeStorage("amazon-s3");
            changed.removeExporter("StoreToS3");
            changed.addExporter(new ExporterDescriptor("ToStoreSCP2", "dicom:STORESCP", "Export4")
                    .setAeTitle("DCM4CHEE"));
            conf.store(loaded, changed);
        }
        String after = slapd.ldapsearch(Slapd.SUFFIX, "sub", "(objectClass=*)");
        List<String> removed = minus(entries(before), entries(after));
        List<String> added = minus(entries(after), entries(before));
        assertEquals(java.util.Set.of(
                "dn: dcmStorageID=amazon-s3," + DEVICE,
                "dn: dcmExporterID=StowExporter," + DEVICE,
                "dn: " + MISSPELLED_S3),
                removed.stream().map(e -> e.lines().findFirst().orElseThrow()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(java.util.Set.of(
                normalized("dn: dcmExporterID=StowExporter," + DEVICE,
                        "objectClass: dcmExporter",
                        "dcmExporterID: StowExporter",
                        "dcmURI: stow:DCM4CHEE",
                        "dicomAETitle: DCM4CHEE1",
                        "dcmQueueName: Export1",
                        "dicomDescription: Export objects using STOW-RS service",
                        "dcmSchedule: hour=18-6 dayOfWeek=*",
                        "dcmSchedule: hour=* dayOfWeek=0,6"),
                normalized("dn: dcmExporterID=ToStoreSCP2," + DEVICE,
                        "objectClass: dcmExporter",
                        "dcmExporterID: ToStoreSCP2",
                        "dcmURI: dicom:STORESCP",
                        "dcmQueueName: Export4",
                        "dicomAETitle: DCM4CHEE")), java.util.Set.copyOf(added));
    }

    @Test @Order(7)
    void openLdapSchemaFormatPassesSlaptest() throws Exception {
        Path conf = tmp.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include " + module.resolve("schema/dicom.schema").toAbsolutePath(),
                "include " + module.resolve("schema/arca.schema").toAbsolutePath(), ""));
        Commands.Result r = Commands.run(List.of(Commands.tool("slaptest", "slapd"), "-u", "-f", conf.toString()), null);
        assertEquals(0, r.exit(), r.err() + r.out());
    }

    Path seed(String name) throws URISyntaxException {
        return Path.of(getClass().getResource("/seeds/" + name).toURI());
    }

    static int count(String s, String what) {
        return s.split(what, -1).length - 1;
    }

    /** Entries with their attribute lines sorted (servers keep no order); the dn line stays first. */
    static List<String> entries(String ldif) {
        return new ArrayList<>(Arrays.stream(ldif.split("\n\n")).map(String::strip).filter(e -> !e.isEmpty())
                .map(e -> normalized(e.split("\n"))).toList());
    }

    static String normalized(String... lines) {
        List<String> attrs = new ArrayList<>(Arrays.asList(lines).subList(1, lines.length));
        attrs.sort(null);
        return lines[0] + "\n" + String.join("\n", attrs);
    }

    static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

}
