package org.arca.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arca.it.TestUsers;
import org.arca.it.storage.S3Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web UI in a real browser: src/test/ui/e2e.mjs drives Debian's headless chromium with
 * playwright-core (from the npm registry, no browser download) through sign-in, every kind of
 * configuration entry (add, edit, a wrong value refused beside its field, delete), seed 000's S3
 * storage and exporter (S3Proxy on loopback as the endpoint), a device whose delete is refused
 * while an exporter sends to it, upload, export, and the monitor (COMPLETED, counts per queue,
 * cancel, reschedule, delete, retry, the activity chart), as admin and as a user; this test gives
 * it a fresh study, checks LDAP with ldapsearch and the S3 bucket, and removes what it added.
 * Screenshots of every page are kept in target/ui-screenshots/{h2,postgresql}.
 */
@ExtendWith(ArquillianExtension.class)
class UiIT {

    private static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final String ARCHIVE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    private static final String BUCKET = "arca-ui-bucket";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    @Test
    void operatorWorksThroughTheUi() throws Exception {
        requireFile("/usr/bin/chromium", "chromium");
        requireFile("/usr/bin/npm", "npm");
        TestUsers.addViewer();
        Path target = Path.of(System.getProperty("arca.root"), "arquillian-tests", "target").toAbsolutePath().normalize();
        Path work = target.resolve("ui-e2e");
        Path upload = work.resolve("upload");
        Files.createDirectories(upload);
        String study = StudyFiles.uid();
        String db = System.getProperty("arca.test.db", "h2");
        Path crudStorage = target.resolve("ui-crud-storage-" + db);
        Path a = StudyFiles.write("CT_small.dcm", study, upload.resolve("a.dcm"));
        Path b = StudyFiles.write("CT_small.dcm", study, upload.resolve("b.dcm"));
        Path ui = Path.of(System.getProperty("arca.root"), "arquillian-tests", "src", "test", "ui");
        for (String f : new String[] {"package.json", "package-lock.json", "e2e.mjs", "e2e-forms.mjs"}) {
            Files.copy(ui.resolve(f), work.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // playwright-core from the npm registry, once per target folder (a run without network,
        // such as ARCA_TEST_NETNS=1, needs one earlier run, or `npm ci` in target/ui-e2e, with it)
        if (!Files.readString(ui.resolve("package-lock.json")).equals(installedLock(work))) {
            run(work, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"), 300, null);
            Files.copy(ui.resolve("package-lock.json"), work.resolve("node_modules/.arca-lock.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path shots = target.resolve("ui-screenshots").resolve(db);
        if (Files.isDirectory(shots)) { // only this run's pictures (a failure.png of an earlier run misleads)
            try (var old = Files.list(shots)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Path s3dir = work.resolve("s3-" + db);
        deleteTree(s3dir); // only this run's objects in the bucket
        String out;
        Path bucket;
        try (S3Server s3 = S3Server.start(s3dir)) {
            bucket = s3.bucket(BUCKET);
            String s3json = Json.createObjectBuilder().add("uri", "jclouds:s3:" + s3.endpoint()).add("bucket", BUCKET)
                    .add("identity", S3Server.IDENTITY).add("credential", S3Server.CREDENTIAL).build().toString();
            out = run(work, List.of("node", "e2e.mjs"), 420, new String[] {
                "ARCA_UI", "http://127.0.0.1:8080/dcm4chee-arc/ui2/",
                "ARCA_SCREENSHOTS", shots.toString(),
                "ARCA_UPLOAD", a + ":" + b, "ARCA_STUDY", study, "ARCA_S3", s3json,
                "ARCA_CRUD_URI", "file:" + crudStorage + "/",
                "ARCA_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD,
                "ARCA_VIEWER", TestUsers.VIEWER, "ARCA_VIEWER_PASSWORD", TestUsers.VIEWER_PASSWORD});
        }
        String last = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
        JsonObject found = Json.createReader(new StringReader(last)).readObject();
        assertFalse(found.containsKey("error"), out);
        // sign-in and the keyboard
        assertEquals("Skip to content", found.getString("firstTab"), last);
        assertEquals("main #/devices", found.getString("afterSkip"), "the skip link focuses the page, the route stays: " + last);
        // adding entries; after each save the server reloaded and the page says so
        for (String saved : new String[] {"exporterAdded", "storageAdded", "aeAdded", "ruleAdded"}) {
            assertTrue(found.getString(saved).matches("Added \\S+; configuration reloaded\\."), saved + ": " + last);
        }
        assertTrue(found.getInt("exporterRow") > 0, last);
        assertTrue(found.getInt("storageRow") > 0, last);
        assertEquals("credential=******", found.getString("credentialInForm"), last);
        assertFalse(found.getBoolean("secretShown"), "the S3 credential was shown: " + last);
        assertTrue(found.getInt("aeRow") > 0, last);
        assertTrue(found.getInt("ruleRow") > 0, last);
        // wrong values: the server's message beside the field, the field focused
        assertTrue(found.getString("fieldError").contains("dcmSchedule: bad schedule") && found.getString("fieldError").contains("25"), last);
        assertEquals("f-dcmSchedule true", found.getString("fieldFocused"), last);
        assertTrue(found.getString("rowError").contains("dicomTransferSyntax"), last);
        assertEquals("f-dicomTransferCapability-1-dicomTransferSyntax true", found.getString("rowFocused"),
                "the field the server named, in the row it named, is marked and focused: " + last);
        assertTrue(found.getString("aeRuleError").contains("dcmSchedule") && found.getString("aeRuleError").contains("99"), last);
        assertEquals("f-dcmExportRule-0-dcmSchedule true", found.getString("aeRuleFocused"), last);
        assertTrue(found.getString("deviceNameTaken").contains("exists already"), last);
        // every kind: add, edit (listed), a wrong value refused (LDAP as edited), delete
        String[][] rounds = {
            {"dicomNetworkConnection", "11198", "dicomHostname: missing", "dicomPort", "11198"},
            {"dicomNetworkAE", "crud edited", "dicomNetworkConnectionReference", "dicomDescription", "crud edited"},
            {"dcmWebApp", "/ui-crud-edited", "dcmWebServiceClass", "dcmWebServicePath", "/ui-crud-edited"},
            {"dcmStorage", "NEARLINE", "dcmURI: no storage provider", "dcmInstanceAvailability", "NEARLINE"},
            {"dcmQueue", "5", "dcmRetryDelay", "dcmMaxRetries", "5"},
            {"dcmExporter", "Export2", "dcmQueueName: no queue 'NoSuchQueue'", "dcmQueueName", "Export2"},
            {"dcmExportRule", "Modality=PT", "dcmDuration", "dcmProperty", "[\"Modality=PT\"]"}};
        JsonObject all = found.getJsonObject("rounds");
        for (String[] k : rounds) {
            JsonObject r = all.getJsonObject(k[0]);
            String what = k[0] + ": " + r;
            boolean archive = !k[0].equals("dicomNetworkConnection"); // the archive reloads, the modality device has nothing to reload
            assertTrue(r.getString("added").startsWith("Added ") && r.getString("added").contains("reloaded") == archive, what);
            assertTrue(r.getString("edited").startsWith("Saved ") && r.getString("edited").contains("reloaded") == archive, what);
            assertTrue(r.getString("listed").contains(k[1]), what);
            assertTrue(r.getString("wrong").contains(k[2]), what);
            assertEquals(k[4], r.getJsonObject("stored").get(k[3]).toString().replaceAll("^\"|\"$", ""), "LDAP as edited: " + what);
            assertTrue(r.getString("deleted").startsWith("Deleted "), what);
            assertEquals(0, r.getInt("listedAfterDelete"), what);
        }
        // devices
        assertTrue(found.getString("deviceAdded").startsWith("Added device ui-modality"), last);
        assertTrue(found.getString("deviceEdited").contains("edited by the UI test"), last);
        assertTrue(found.getString("deviceDeleteRefused").contains("exporter UI-TO-MODALITY of device dcm4chee-arc (dcmURI: dicom:UI-MODALITY)"),
                last);
        assertTrue(found.getString("exporterDeleted").startsWith("Deleted UI-TO-MODALITY"), last);
        assertEquals("Deleted ui-modality.", found.getString("deviceDeleted"), last);
        assertEquals(0, found.getInt("deviceListedAfterDelete"), last);
        assertEquals(0, found.getInt("runningDeviceDeletable"), last);
        // studies: upload, series and instances, export
        assertEquals(6, found.getInt("searchFields") - 1, "six search fields and the limit: " + last);
        assertTrue(found.getString("upload").startsWith("HTTP 200: 2 stored"), last);
        assertEquals("100", found.getString("progress"), last);
        assertEquals(2, found.getInt("instancesListed"), last);
        // monitor
        assertTrue(found.getBoolean("monitorCompleted"), last);
        assertTrue(found.getBoolean("autoRefresh"), last);
        assertTrue(found.getInt("queueCompleted") >= 1, last);
        assertTrue(found.getBoolean("canceled"), last);
        assertTrue(found.getBoolean("taskDeleted"), last);
        assertEquals("Retried all failed: 1 tasks.", found.getString("retried"), "the study's one failed task: " + last);
        assertTrue(java.time.Instant.parse(found.getString("retriedUpdated")).isAfter(java.time.Instant.parse(found.getString("failedUpdated"))),
                "the retried task ran and failed once more: " + last);
        assertFalse(found.getJsonArray("filteredRows").isEmpty(), last);
        found.getJsonArray("filteredRows").forEach(r -> assertEquals("\"COMPLETED Export6\"", r.toString(), "filtered: " + last));
        assertEquals("[\"Export6\"]", found.getJsonArray("filteredQueues").toString(), "counts of the filtered queue only: " + last);
        assertTrue(found.getInt("chartReceived") >= 2, "the chart counts the two uploaded instances: " + last);
        assertTrue(found.getInt("chartExported") >= 2, "the chart counts the two exported instances: " + last);
        assertEquals(180, found.getInt("activityPoints"), "3 hours of minutes, the current one last: " + last);
        assertEquals(2, found.getInt("s3Objects"), "storage usage of the S3 copy: " + last);
        // role user
        assertEquals(0, found.getInt("viewerAddLinks"), last);
        assertEquals(0, found.getInt("viewerDeleteButtons"), last);
        assertEquals(0, found.getInt("viewerSaveButtons"), last);
        for (String refused : new String[] {"viewerPut", "viewerAddDevice", "viewerDeleteDevice", "viewerReload", "viewerRetry"}) {
            assertEquals(403, found.getInt(refused), refused + ": " + last);
        }
        assertEquals(0, found.getInt("viewerRetryButton"), last);
        assertEquals(0, found.getInt("viewerTaskButtons"), last);
        assertEquals(0, found.getJsonArray("elsewhere").size(), "requests to other origins than the archive: " + last);

        // what the forms wrote, as LDAP shows it; the refused wrong values left it unchanged
        String exporter = ldapsearch("dcmExporterID=UI-NIGHTLY," + ARCHIVE);
        assertTrue(exporter.contains("dcmSchedule: hour=18-6 dayOfWeek=*"), exporter);
        assertTrue(exporter.contains("dcmQueueName: Export3"), exporter);
        String storage = ldapsearch("dcmStorageID=ui-amazon-s3," + ARCHIVE);
        for (String p : new String[] {"container=" + BUCKET, "jclouds.s3.virtual-host-buckets=true",
            "credential=" + S3Server.CREDENTIAL, "identity=" + S3Server.IDENTITY, "jclouds.strip-expect-header=true",
            "containerExists=true", "jclouds.relax-hostname=true"}) {
            assertTrue(storage.contains("dcmProperty: " + p), p + " in\n" + storage);
        }
        assertTrue(storage.contains("dcmDigestAlgorithm: MD5"), storage);
        String s3exporter = ldapsearch("dcmExporterID=UI-StoreToS3," + ARCHIVE);
        assertTrue(s3exporter.contains("dcmURI: storage:ui-amazon-s3") && s3exporter.contains("dcmQueueName: Export6"), s3exporter);
        String ae = ldapsearch("dicomAETitle=UI-AE," + ARCHIVE);
        assertTrue(ae.contains("dicomNetworkConnectionReference: cn=dicom," + ARCHIVE), ae);
        String tc = ldapsearch("cn=UI Echo SCP,dicomAETitle=UI-AE," + ARCHIVE);
        assertTrue(tc.contains("dicomSOPClass: 1.2.840.10008.1.1") && tc.contains("dicomTransferRole: SCP")
                && tc.contains("dicomTransferSyntax: 1.2.840.10008.1.2.1"), tc);
        String aeRule = ldapsearch("cn=UI AE Rule,dicomAETitle=UI-AE," + ARCHIVE);
        assertTrue(aeRule.contains("dcmSchedule: hour=18-6 dayOfWeek=*") && aeRule.contains("dcmExporterID: UI-NIGHTLY")
                && aeRule.contains("dcmProperty: Modality=XA") && aeRule.contains("dcmEntity: Study"), aeRule);
        assertFalse(ldapsearchSubtree("dicomAETitle=UI-AE," + ARCHIVE).contains("UI Broken"), "the refused row is not in LDAP");
        String rule = ldapsearch("cn=UI-RULE," + ARCHIVE);
        assertTrue(rule.contains("dcmExporterID: UI-NIGHTLY") && rule.contains("dcmProperty: Modality=XA")
                && rule.contains("dcmEntity: Study"), rule);
        assertEquals(404, http("GET", "/devices/ui-modality"), "the device deleted through the UI");
        try (var copied = Files.walk(bucket)) {
            assertEquals(2, copied.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .count(), "instances exported to the S3 bucket");
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Leaves the shared archive as the other tests expect it. */
    @AfterAll
    static void removeWhatTheUiAdded() throws Exception {
        // the rule first: it names the exporter UI-NIGHTLY, which cannot go while it is referenced
        for (String path : new String[] {"dcmExportRule/UI-RULE", "dicomNetworkAE/UI-AE", "dcmExporter/UI-NIGHTLY",
            "dcmExporter/UI-StoreToS3", "dcmStorage/ui-amazon-s3", "dcmExporter/UI-TO-MODALITY", "dcmExporter/UI-FAIL",
            // when the test stopped within a round of add, edit, delete
            "dcmExportRule/UI-CRUD-RULE", "dicomNetworkAE/UI-CRUD-AE", "dcmWebApp/ui-crud-rs", "dcmStorage/ui-crud-fs",
            "dcmQueue/UICrudQueue", "dcmExporter/UI-CRUD-X"}) {
            http("DELETE", "/devices/dcm4chee-arc/" + path);
        }
        http("DELETE", "/devices/ui-modality"); // when the test stopped before deleting it
        http("DELETE", "/devices/ui-viewer-device"); // had the viewer's POST not been refused
    }

    private static int http(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", TestUsers.adminBasic()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String installedLock(Path work) throws java.io.IOException {
        Path copy = work.resolve("node_modules/.arca-lock.json");
        return Files.isRegularFile(copy) ? Files.readString(copy) : "";
    }

    private static String ldapsearch(String dn) throws Exception {
        return ldapsearch(dn, "base");
    }

    private static String ldapsearchSubtree(String dn) throws Exception {
        return ldapsearch(dn, "sub");
    }

    private static String ldapsearch(String dn, String scope) throws Exception {
        requireFile("/usr/bin/ldapsearch", "ldap-utils");
        return run(Path.of("."), List.of("ldapsearch", "-x", "-LLL", "-o", "ldif-wrap=no", "-H", "ldap://127.0.0.1:10389",
                "-D", "cn=admin,dc=dcm4che,dc=org", "-w", "secret", "-b", dn, "-s", scope), 30, null);
    }

    private static void requireFile(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            fail(path + " is missing: install the Debian package '" + debianPackage + "'");
        }
    }

    /** Runs a command, fails with its output unless it exits 0 in time; returns stdout and stderr. */
    private static String run(Path dir, List<String> command, int seconds, String[] env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        for (int i = 0; env != null && i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Path log = Files.createTempFile("arca-ui", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(command + " did not finish within " + seconds + " s:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        Files.delete(log);
        if (p.exitValue() != 0) {
            fail(command + " exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }
}
