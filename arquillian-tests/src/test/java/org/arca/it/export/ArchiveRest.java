package org.arca.it.export;

import org.arca.it.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The archive's REST API as the export tests use it: trigger, monitor, reload, clock. */
public final class ArchiveRest {

    public static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    private static final HttpClient HTTP = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).connectTimeout(Duration.ofSeconds(5)).build();

    private ArchiveRest() {
    }

    public static HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    public static void reload() throws Exception {
        HttpResponse<String> r = send("POST", "/ctrl/reload", null);
        if (r.statusCode() != 200) {
            throw new AssertionError("reload: " + r.body());
        }
    }

    /** POST .../studies/{uid}/export/{exporter}; returns the task ID. */
    public static long export(String study, String exporter, Instant scheduledTime) throws Exception {
        HttpResponse<String> r = send("POST", "/aets/DCM4CHEE/rs/studies/" + study + "/export/" + exporter
                + (scheduledTime == null ? "" : "?scheduledTime=" + scheduledTime), null);
        if (r.statusCode() != 202) {
            throw new AssertionError("export: " + r.statusCode() + " " + r.body());
        }
        return json(r.body()).getJsonNumber("taskID").longValue();
    }

    public static JsonObject task(long id) throws Exception {
        HttpResponse<String> r = send("GET", "/monitor/export/" + id, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("task " + id + ": " + r.body());
        }
        return json(r.body());
    }

    /** Polls the task until its status is one of {@code statuses}. */
    public static JsonObject await(long id, Duration timeout, String... statuses) throws Exception {
        Set<String> wanted = Set.of(statuses);
        Instant end = Instant.now().plus(timeout);
        JsonObject t = task(id);
        while (!wanted.contains(t.getString("status"))) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("task " + id + " not " + wanted + " within " + timeout + ": " + t);
            }
            Thread.sleep(200);
            t = task(id);
        }
        return t;
    }

    public static Instant setClock(Instant time) throws Exception {
        HttpResponse<String> r = send("POST", "/monitor/clock?time=" + time, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("clock: " + r.body());
        }
        return Instant.parse(json(r.body()).getString("now"));
    }

    public static void resetClock() throws Exception {
        send("POST", "/monitor/clock/reset", null);
    }
}
