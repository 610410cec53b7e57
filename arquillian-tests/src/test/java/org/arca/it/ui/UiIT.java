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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web UI in a real browser: src/test/ui/e2e.mjs drives Debian's headless chromium with
 * playwright-core (from the npm registry, no browser download) through sign-in, configuration
 * forms (exporter, storage, AE with a transfer capability, export rule, a device added and
 * deleted), upload, export and the monitor with its activity chart, as admin and as a user; this
 * test gives it a fresh study, checks LDAP with ldapsearch, and removes what it added. Screenshots of every page are
 * kept in target/ui-screenshots/{h2,postgresql}.
 */
@ExtendWith(ArquillianExtension.class)
class UiIT {

    private static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final String ARCHIVE = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    @Test
    void operatorWorksThroughTheUi() throws Exception {
        requireFile("/usr/bin/chromium", "chromium");
        requireFile("/usr/bin/npm", "npm");
        TestUsers.addViewer();
        Path target = Path.of(System.getProperty("arca.root"), "arquillian-tests", "target");
        Path work = target.resolve("ui-e2e");
        Path upload = work.resolve("upload");
        Files.createDirectories(upload);
        String study = StudyFiles.uid();
        String db = System.getProperty("arca.test.db", "h2");
        Path copies = target.resolve("ui-copy-storage-" + db + "-" + study.substring(study.length() - 8));
        Path a = StudyFiles.write("CT_small.dcm", study, upload.resolve("a.dcm"));
        Path b = StudyFiles.write("CT_small.dcm", study, upload.resolve("b.dcm"));
        Path ui = Path.of(System.getProperty("arca.root"), "arquillian-tests", "src", "test", "ui");
        for (String f : new String[] {"package.json", "package-lock.json", "e2e.mjs"}) {
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
        String out = run(work, List.of("node", "e2e.mjs"), 300, new String[] {
            "ARCA_UI", "http://127.0.0.1:8080/dcm4chee-arc/ui2/",
            "ARCA_SCREENSHOTS", shots.toString(),
            "ARCA_UPLOAD", a + ":" + b, "ARCA_STUDY", study,
            "ARCA_COPY_URI", "file:" + copies + "/",
            "ARCA_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD,
            "ARCA_VIEWER", TestUsers.VIEWER, "ARCA_VIEWER_PASSWORD", TestUsers.VIEWER_PASSWORD});
        String last = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
        JsonObject found = Json.createReader(new StringReader(last)).readObject();
        assertFalse(found.containsKey("error"), out);
        assertTrue(found.getInt("exporterRow") > 0, last);
        assertTrue(found.getInt("storageRow") > 0, last);
        assertFalse(found.getBoolean("secretShown"), "the S3 credential was shown: " + last);
        assertTrue(found.getString("fieldError").contains("dcmSchedule") && found.getString("fieldError").contains("25"), last);
        assertTrue(found.getString("upload").startsWith("HTTP 200: 2 stored"), last);
        assertEquals("100", found.getString("progress"), last);
        assertEquals(2, found.getInt("instancesListed"), last);
        assertTrue(found.getBoolean("monitorCompleted"), last);
        assertEquals(0, found.getInt("viewerAddLinks"), last);
        assertEquals(0, found.getInt("viewerSaveButtons"), last);
        assertEquals(403, found.getInt("viewerPut"), last);
        assertEquals(403, found.getInt("viewerReload"), last);
        assertEquals(403, found.getInt("viewerAddDevice"), last);
        assertEquals(0, found.getInt("viewerRetryButton"), last);
        assertEquals(0, found.getJsonArray("elsewhere").size(), "requests to other origins than the archive: " + last);
        assertTrue(found.getInt("aeRow") > 0, last);
        assertTrue(found.getString("rowError").contains("dicomTransferSyntax"), last);
        assertEquals("f-dicomTransferCapability-1-dicomTransferSyntax true", found.getString("rowFocused"),
                "the field the server named, in the row it named, is marked and focused: " + last);
        assertTrue(found.getInt("ruleRow") > 0, last);
        assertTrue(found.getBoolean("deviceAdded"), last);
        assertTrue(found.getString("deviceEdited").contains("edited by the UI test"), last);
        assertEquals(0, found.getInt("deviceListedAfterDelete"), last);
        assertEquals(0, found.getInt("runningDeviceDeletable"), last);
        assertTrue(found.getInt("chartReceived") >= 2, "the chart counts the two uploaded instances: " + last);
        assertTrue(found.getInt("chartExported") >= 2, "the chart counts the two exported instances: " + last);
        assertEquals(180, found.getInt("activityPoints"), "3 hours of minutes, the current one last: " + last);

        // what the forms wrote, as LDAP shows it; the refused wrong value left it unchanged
        String exporter = ldapsearch("dcmExporterID=UI-NIGHTLY," + ARCHIVE);
        assertTrue(exporter.contains("dcmSchedule: hour=18-6 dayOfWeek=*"), exporter);
        assertTrue(exporter.contains("dcmQueueName: Export3"), exporter);
        String storage = ldapsearch("dcmStorageID=ui-amazon-s3," + ARCHIVE);
        for (String p : new String[] {"container=arca-ui-bucket", "jclouds.s3.virtual-host-buckets=true",
            "credential=ui-secret-key", "identity=ui-access-key", "jclouds.strip-expect-header=true",
            "containerExists=true", "jclouds.relax-hostname=true"}) {
            assertTrue(storage.contains("dcmProperty: " + p), p + " in\n" + storage);
        }
        assertTrue(storage.contains("dcmURI: jclouds:aws-s3:https://arca-ui-bucket"), storage);
        String ae = ldapsearch("dicomAETitle=UI-AE," + ARCHIVE);
        assertTrue(ae.contains("dicomNetworkConnectionReference: cn=dicom," + ARCHIVE), ae);
        String tc = ldapsearch("cn=UI Echo SCP,dicomAETitle=UI-AE," + ARCHIVE);
        assertTrue(tc.contains("dicomSOPClass: 1.2.840.10008.1.1") && tc.contains("dicomTransferRole: SCP")
                && tc.contains("dicomTransferSyntax: 1.2.840.10008.1.2.1"), tc);
        assertFalse(ldapsearchSubtree("dicomAETitle=UI-AE," + ARCHIVE).contains("UI Broken"), "the refused row is not in LDAP");
        String rule = ldapsearch("cn=UI-RULE," + ARCHIVE);
        assertTrue(rule.contains("dcmExporterID: UI-NIGHTLY") && rule.contains("dcmProperty: Modality=XA")
                && rule.contains("dcmEntity: Study"), rule);
        assertEquals(404, http("GET", "/devices/ui-modality"), "the device deleted through the UI");
        try (var copied = Files.walk(copies)) {
            assertEquals(2, copied.filter(Files::isRegularFile).count(), "instances exported to storage ui-copy");
        }
    }

    /** Leaves the shared archive as the other tests expect it. */
    @AfterAll
    static void removeWhatTheUiAdded() throws Exception {
        // the rule first: it names the exporter UI-NIGHTLY, which cannot go while it is referenced
        for (String path : new String[] {"dcmExportRule/UI-RULE", "dicomNetworkAE/UI-AE", "dcmExporter/UI-NIGHTLY",
            "dcmExporter/UI-COPY", "dcmStorage/ui-copy", "dcmStorage/ui-amazon-s3"}) {
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
