package org.arca.it.web;

import org.arca.it.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR under test and plain HTTP to its DICOMweb root (java.net.http, nothing DICOMweb-aware). */
final class WebClient {
    static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    static final String RS = BASE + "/aets/DCM4CHEE/rs";
    static final String BOUNDARY = "arca-test-boundary-7d1f";

    private static final HttpClient HTTP = HttpClient.newBuilder().authenticator(TestUsers.ADMIN_AUTH).connectTimeout(Duration.ofSeconds(5)).build();

    private WebClient() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("arca.ear")));
    }

    /** A multipart/related body with one part per content, each of the given part type. */
    static byte[] multipart(String partType, byte[]... contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            out.write(("--" + BOUNDARY + "\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(c);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Every request signs in from the start: a request answered 401 on the way (the first one to
     * a path the client has no credentials cached for) may cost its connection, and the client
     * does not retry a POST on another one ("connection closed locally").
     */
    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", TestUsers.adminBasic());
    }

    /**
     * Sends once more when the connection the client took from its pool turns out closed before
     * any response ("connection closed locally": the server closed it while idle, e.g. after its
     * no-request timeout, and the client does not retry on its own). A STOW sent twice is
     * answered success again (the second copy is ignored).
     */
    private static <T> HttpResponse<T> send(HttpRequest rq, HttpResponse.BodyHandler<T> body) throws Exception {
        try {
            return HTTP.send(rq, body);
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("connection closed locally")) {
                throw e;
            }
            return HTTP.send(rq, body);
        }
    }

    static HttpResponse<String> stow(String url, byte[] body, String contentType) throws Exception {
        return send(request(url)
                .header("Content-Type", contentType).header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /ctrl/reload, as an administrator would after changing LDAP. */
    static HttpResponse<String> reload() throws Exception {
        return send(request(BASE + "/ctrl/reload")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> stow(String url, byte[] body) throws Exception {
        return stow(url, body, "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
    }

    static HttpResponse<String> get(String url, String accept) throws Exception {
        HttpRequest.Builder rq = request(url);
        if (accept != null) {
            rq.header("Accept", accept);
        }
        return send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(String url, String accept) throws Exception {
        return send(request(url).header("Accept", accept)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> getRange(String url, String accept, String range) throws Exception {
        return send(request(url).header("Accept", accept)
                .header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonStructure json(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    static JsonArray array(HttpResponse<String> r) {
        return (JsonArray) json(r.body());
    }

    /** The first value of attribute {@code tag} (8 hex digits) of a DICOM JSON object, as a string. */
    static String value(JsonObject dataset, String tag) {
        JsonObject a = dataset.getJsonObject(tag);
        if (a == null || !a.containsKey("Value")) {
            return null;
        }
        var v = a.getJsonArray("Value").get(0);
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }

    static int count(JsonObject dataset, String sequenceTag) {
        JsonObject a = dataset.getJsonObject(sequenceTag);
        return a == null || !a.containsKey("Value") ? 0 : a.getJsonArray("Value").size();
    }
}
