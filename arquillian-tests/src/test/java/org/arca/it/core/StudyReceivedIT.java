package org.arca.it.core;

import org.arca.it.ConfigEntries;
import org.arca.it.TestUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arca.dicom.net.support.Dcmtk;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The study-received event: with dcmStudyReceivedDelay PT2S on the device, two studies sent by
 * DCMTK storescu (3 and 2 instances) each fire the event exactly once, about 2 s after their
 * last instance; one more instance into the first study later fires it once more.
 * The event is seen in the server log line the poller writes when it fires.
 */
@ExtendWith(ArquillianExtension.class)
class StudyReceivedIT {
    private static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final HttpClient HTTP = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("arca.ear")));
    }

    @Test
    void firesOncePerStudyAfterTheIdleTime() throws Exception {
        String root = "2.25." + System.currentTimeMillis();
        String studyA = root + ".1";
        String studyB = root + ".2";
        Path dir = Files.createDirectories(Path.of(System.getProperty("arca.root"),
                "arquillian-tests/target/core-it/study-received-" + root));
        List<Path> a = copies(dir, studyA, 3, 0);
        List<Path> b = copies(dir, studyB, 2, 0);
        ConfigEntries.replace(ConfigEntries.ARCHIVE, "dcmStudyReceivedDelay", "PT2S");
        reload();
        try {
            storescu(a);
            storescu(b);
            awaitCount(studyA, 1);
            awaitCount(studyB, 1);
            Thread.sleep(4000); // two more idle periods: no second event
            assertEquals(1, count(studyA), "study A fired once");
            assertEquals(1, count(studyB), "study B fired once");

            storescu(copies(dir, studyA, 1, 3));
            awaitCount(studyA, 2);
            Thread.sleep(3000);
            assertEquals(2, count(studyA), "a later instance makes study A fire once more");
            assertEquals(1, count(studyB));
        } finally {
            ConfigEntries.replace(ConfigEntries.ARCHIVE, "dcmStudyReceivedDelay");
            reload();
        }
    }

    /** n copies of CT_small in {@code study} (one series), SOP Instance UIDs numbered from {@code first}. */
    private static List<Path> copies(Path dir, String study, int n, int first) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            Path f = dir.resolve(study + "-" + i + ".dcm");
            Files.copy(Dcmtk.sample("CT_small.dcm"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Dcmtk.Result r = Dcmtk.run(30, "dcmodify", "-nb", "-m", "(0020,000d)=" + study,
                    "-m", "(0020,000e)=" + study + ".1", "-m", "(0008,0018)=" + study + ".1." + (i + 1), f.toString());
            assertEquals(0, r.exitCode(), r.output());
            files.add(f);
        }
        return files;
    }

    private static void storescu(List<Path> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("-aec", "DCM4CHEE", "127.0.0.1", "11112"));
        files.forEach(f -> args.add(f.toString()));
        Dcmtk.Result r = Dcmtk.run(60, "storescu", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
    }

    private static void reload() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/ctrl/reload"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode() / 100 * 100, r.body());
    }

    private static Path serverLog() {
        Path target = Path.of(System.getProperty("arca.data.dir")).getParent();
        String base = "h2".equals(System.getProperty("arca.test.db")) ? "base-h2" : "base-pg";
        return target.resolve(base).resolve("log/server.log");
    }

    private static int count(String study) throws Exception {
        Path log = serverLog();
        assertTrue(Files.exists(log), "server log " + log);
        Matcher m = Pattern.compile("Study received: " + Pattern.quote(study) + " ")
                .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void awaitCount(String study, int n) throws Exception {
        for (int i = 0; i < 150; i++) {
            if (count(study) >= n) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(n, count(study), "study-received events of " + study + " within 15 s");
    }
}
