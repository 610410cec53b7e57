package org.arca.it.storage;

import org.arca.it.TestUsers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.ejb.storage.StoragePathFormat;
import org.arca.ejb.storage.StorageProvider;
import org.arca.it.storage.provider.DirectoryProvider;
import org.arca.ldap.config.StorageDescriptor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Storage inside WildFly, with S3Proxy on loopback as the S3 endpoint: an AE whose storage is
 * dcm4chee-arc's S3 descriptor (seed 000, only endpoint, bucket and keys replaced) stores into
 * the bucket at keys of the path format and returns the objects byte-identical by C-MOVE,
 * C-GET and WADO; S3 unreachable refuses with A700 and indexes nothing; seed 000's StoreToS3
 * exporter, fired by a rule, copies a study to S3 as NEARLINE and retrieve reads that copy
 * once the ONLINE one is gone; a third-party provider in the EAR's lib/ serves its scheme;
 * GET /monitor/storage counts all of it.
 */
@ExtendWith(ArquillianExtension.class)
class StorageIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SERIES_LAYOUT = "{0020000D}/{0020000E}/{00080018}.dcm"; // seed 002
    private static Path work;
    private static S3Server s3;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new java.io.File(System.getProperty("arca.ear")));
        // a third party's provider: its own jar in lib/, found by ServiceLoader
        return ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "third-party-storage.jar")
                .addPackage(DirectoryProvider.class.getPackage())
                .addAsServiceProvider(StorageProvider.class, DirectoryProvider.class));
    }

    @BeforeAll
    static void configure() throws Exception {
        work = Path.of("target", "storage-it", System.getProperty("arca.test.db", "h2")).toAbsolutePath();
        if (Files.exists(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        s3 = S3Server.start(Files.createDirectories(work.resolve("s3")));
        s3.bucket("seed-bucket");
        s3.bucket("nearline-bucket");
        String seed = new String(StorageIT.class.getResourceAsStream("/storage/000-amazon-s3.ldif").readAllBytes(),
                StandardCharsets.UTF_8)
                // S3-compatible endpoints take the generic api: aws-s3 asks s3.amazonaws.com for each bucket's region
                .replace("jclouds:aws-s3:https://<bucket-name>", "jclouds:s3:" + s3.endpoint())
                .replace("<secret-key>", S3Server.CREDENTIAL).replace("<access-key>", S3Server.IDENTITY);
        Ldap.ldif(seed.replace("<bucket-name>", "seed-bucket"));
        Ldap.ldif(seed.replace("<bucket-name>", "nearline-bucket").replace("amazon-s3", "s3-nearline")
                + "dcmInstanceAvailability: NEARLINE\ndcmStoragePathFormat: " + SERIES_LAYOUT + "\n");
        Ldap.ldif("dn: dcmStorageID=s3-down," + Ldap.ARCHIVE + "\nobjectClass: dcmStorage\ndcmStorageID: s3-down\n"
                + "dcmURI: jclouds:s3:http://127.0.0.1:" + S3Server.freePort() + "\n"
                + "dcmProperty: container=nowhere\ndcmProperty: identity=a\ndcmProperty: credential=b\n"
                + "dcmProperty: containerExists=true\ndcmProperty: jclouds.max-retries=0\n");
        Ldap.ldif("dn: dcmStorageID=third," + Ldap.ARCHIVE + "\nobjectClass: dcmStorage\ndcmStorageID: third\n"
                + "dcmURI: " + DirectoryProvider.SCHEME + ":" + work.resolve("third") + "/\n"
                + "dcmStoragePathFormat: " + SERIES_LAYOUT + "\n");
        Ldap.archiveAe("S3ARC", "amazon-s3");
        Ldap.archiveAe("S3DOWN", "s3-down");
        Ldap.archiveAe("THIRDARC", "third");
        // seed 000's exporter as written, its storage the NEARLINE one above; and a rule for it
        Ldap.ldif("dn: dcmExporterID=StoreToS3," + Ldap.ARCHIVE + "\nobjectClass: dcmExporter\n"
                + "dcmExporterID: StoreToS3\ndcmQueueName: Export6\ndcmURI: storage:s3-nearline\ndicomAETitle: DCM4CHEE\n");
        Ldap.ldif("dn: cn=Studies from NEARLINEIT to S3," + Ldap.ARCHIVE + "\nobjectClass: dcmExportRule\n"
                + "cn: Studies from NEARLINEIT to S3\ndcmEntity: Study\ndcmExporterID: StoreToS3\n"
                + "dcmProperty: SendingApplicationEntityTitle=NEARLINEIT\ndcmDuration: PT1S\n");
        HttpResponse<String> r = http("POST", "/ctrl/reload");
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        // the LDAP server outlives this class (and this database's run): leave the configuration as found
        Ldap.removeAdded();
        http("POST", "/ctrl/reload");
    }

    @Test
    void seedDescriptorStoresIntoS3AtPathFormatKeysAndRetrievesByteIdentical() throws Exception {
        TestStudy study = new TestStudy().add(work.resolve("in-s3"), "CT_small.dcm", 3)
                .add(work.resolve("in-s3"), "MR_small.dcm", 1);
        assertEquals(List.of(0, 0, 0, 0), study.store("STORAGEIT", "S3ARC"));

        // the bucket holds the objects at the keys of the storage's path format (the default one)
        Path bucket = s3.buckets().resolve("seed-bucket");
        Set<String> expected = new TreeSet<>();
        StoragePathFormat format = new StoragePathFormat(StorageDescriptor.DEFAULT_PATH_FORMAT);
        long bytes = 0;
        for (Path f : study.files) {
            String key = format.format(TestStudy.header(f));
            expected.add(key);
            Path object = bucket.resolve(key);
            assertTrue(Files.isRegularFile(object), "no object at " + key + " in " + keys(bucket));
            assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(object), "object " + key);
            bytes += Files.size(object);
        }
        assertEquals(expected, keys(bucket));

        Retrieves.allByteIdentical(study, "S3ARC", work.resolve("out-s3"));
        JsonObject usage = usage("amazon-s3");
        assertEquals(4, usage.getJsonNumber("objects").longValue(), usage.toString());
        assertEquals(bytes, usage.getJsonNumber("bytes").longValue(), usage.toString());
        assertEquals("ONLINE", usage.getString("dcmInstanceAvailability"));
    }

    @Test
    void s3UnreachableRefusesWithA700AndIndexesNothing() throws Exception {
        TestStudy study = new TestStudy().add(work.resolve("in-down"), "CT_small.dcm", 1);
        assertEquals(List.of(0xA700), study.store("STORAGEIT", "S3DOWN"));
        HttpResponse<String> q = http("GET", "/aets/DCM4CHEE/rs/studies?StudyInstanceUID=" + study.studyUid);
        assertTrue(q.statusCode() == 204 || q.body().isBlank() || json(q.body()).asJsonArray().isEmpty(),
                "study in the index: " + q.statusCode() + " " + q.body());
        assertEquals(0, usage("s3-down").getJsonNumber("objects").longValue());
    }

    @Test
    void exportRuleCopiesToS3AsNearlineAndRetrieveReadsItWhenTheOnlineCopyIsGone() throws Exception {
        TestStudy study = new TestStudy().add(work.resolve("in-nearline"), "CT_small.dcm", 2)
                .add(work.resolve("in-nearline"), "MR_small.dcm", 1);
        assertEquals(List.of(0, 0, 0), study.store("NEARLINEIT", "DCM4CHEE"));
        // dcmDuration PT1S: on a slow machine the first task may start before the last instance
        // arrives; that instance then gets a task of its own. Every task must complete.
        for (JsonValue v : awaitExports(study.studyUid, Duration.ofSeconds(60))) {
            JsonObject task = v.asJsonObject();
            assertEquals("COMPLETED", task.getString("status"), task.toString());
            assertEquals("StoreToS3", task.getString("ExporterID"));
        }

        Set<String> expected = new TreeSet<>();
        Set<String> iuids = new HashSet<>();
        for (Path f : study.files) {
            Attributes h = TestStudy.header(f);
            iuids.add(h.getString(Tag.SOPInstanceUID));
            expected.add(h.getString(Tag.StudyInstanceUID) + "/" + h.getString(Tag.SeriesInstanceUID) + "/"
                    + h.getString(Tag.SOPInstanceUID) + ".dcm");
        }
        Path bucket = s3.buckets().resolve("nearline-bucket");
        assertEquals(expected, keys(bucket));
        JsonObject usage = usage("s3-nearline");
        assertEquals(3, usage.getJsonNumber("objects").longValue(), usage.toString());
        assertEquals("NEARLINE", usage.getString("dcmInstanceAvailability"));

        // the ONLINE copies vanish from the file system: retrieve falls back to S3
        int removed = 0;
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("arca.data.dir"), "fs1"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (iuids.contains(TestStudy.sopInstanceUid(p))) {
                    Files.delete(p);
                    removed++;
                }
            }
        }
        assertEquals(3, removed, "ONLINE copies in fs1");
        Retrieves.allByteIdentical(study, "DCM4CHEE", work.resolve("out-nearline"));
    }

    @Test
    void thirdPartyProviderInTheEarServesItsScheme() throws Exception {
        TestStudy study = new TestStudy().add(work.resolve("in-third"), "CT_small.dcm", 2);
        assertEquals(List.of(0, 0), study.store("STORAGEIT", "THIRDARC"));
        Set<String> expected = new TreeSet<>();
        for (Path f : study.files) {
            Attributes h = TestStudy.header(f);
            String key = h.getString(Tag.StudyInstanceUID) + "/" + h.getString(Tag.SeriesInstanceUID) + "/"
                    + h.getString(Tag.SOPInstanceUID) + ".dcm" + DirectoryProvider.SUFFIX;
            expected.add(key);
            assertArrayEquals(TestStudy.dataSet(f), TestStudy.dataSet(work.resolve("third").resolve(key)), key);
        }
        assertEquals(expected, keys(work.resolve("third")));
        Retrieves.assertReceived(study, Retrieves.get(study.studyUid, "THIRDARC", work.resolve("out-third")), "C-GET");
        assertEquals(2, usage("third").getJsonNumber("objects").longValue());
    }

    private static Set<String> keys(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return new TreeSet<>(s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString()).toList());
        }
    }

    /** The study's export tasks once there is at least one and none is SCHEDULED or IN PROCESS any more. */
    private static JsonArray awaitExports(String studyUid, Duration timeout) throws Exception {
        long end = System.currentTimeMillis() + timeout.toMillis();
        JsonArray tasks = JsonValue.EMPTY_JSON_ARRAY;
        while (System.currentTimeMillis() < end) {
            HttpResponse<String> r = http("GET", "/monitor/export?StudyInstanceUID=" + studyUid);
            tasks = r.statusCode() == 200 && !r.body().isBlank() ? json(r.body()).asJsonArray() : JsonValue.EMPTY_JSON_ARRAY;
            boolean ended = !tasks.isEmpty();
            for (JsonValue v : tasks) {
                String status = v.asJsonObject().getString("status");
                ended &= status.equals("COMPLETED") || status.equals("FAILED") || status.equals("WARNING");
            }
            if (ended) {
                return tasks;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("export tasks of study " + studyUid + " not ended within " + timeout + ": " + tasks);
    }

    private static JsonObject usage(String storageId) throws Exception {
        HttpResponse<String> r = http("GET", "/monitor/storage");
        assertEquals(200, r.statusCode(), r.body());
        for (JsonValue v : json(r.body()).asJsonArray()) {
            if (v.asJsonObject().getString("dcmStorageID").equals(storageId)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no storage " + storageId + " in " + r.body());
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    private static HttpResponse<String> http(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Retrieves.BASE + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
