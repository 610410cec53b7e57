package org.arca.it.web;

import org.arca.it.TestUsers;
import static org.arca.it.web.WebClient.RS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** STOW-RS over plain HTTP: stored instances, and bad parts that fail alone with a precise reason. */
@ExtendWith(ArquillianExtension.class)
class StowIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    private static int instancesOf(String study) throws Exception {
        HttpResponse<String> r = WebClient.get(RS + "/studies/" + study + "/instances", null);
        assertEquals(200, r.statusCode(), r.body());
        return WebClient.array(r).size();
    }

    @Test
    void storesEveryPartAndAnswersWithReferences() throws Exception {
        String study = Samples.uid();
        Samples.Instance ct = Samples.copy("CT_small.dcm", study);
        Samples.Instance mr = Samples.copy("MR_small.dcm", study);
        HttpResponse<String> r = WebClient.stow(RS + "/studies", WebClient.multipart("application/dicom", ct.file(), mr.file()));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject rsp = (JsonObject) WebClient.json(r.body());
        assertEquals(2, WebClient.count(rsp, "00081199"));
        assertEquals(0, WebClient.count(rsp, "00081198"));
        assertEquals(RS + "/studies/" + study, WebClient.value(rsp, "00081190"));
        JsonObject first = rsp.getJsonObject("00081199").getJsonArray("Value").getJsonObject(0);
        assertEquals(ct.sop(), WebClient.value(first, "00081155"));
        assertEquals(RS + "/studies/" + study + "/series/" + ct.series() + "/instances/" + ct.sop(),
                WebClient.value(first, "00081190"));
        assertEquals(2, instancesOf(study));
    }

    @Test
    void studyMismatchAndNonDicomPartFailAloneTheGoodPartIsStored() throws Exception {
        String study = Samples.uid();
        Samples.Instance good = Samples.copy("CT_small.dcm", study);
        Samples.Instance other = Samples.copy("MR_small.dcm", Samples.uid());
        byte[] body = WebClient.multipart("application/dicom", good.file(), other.file(),
                "this is not DICOM".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = WebClient.stow(RS + "/studies/" + study, body);
        assertEquals(202, r.statusCode(), r.body());
        JsonObject rsp = (JsonObject) WebClient.json(r.body());
        assertEquals(1, WebClient.count(rsp, "00081199"));
        assertEquals(2, WebClient.count(rsp, "00081198"));
        JsonObject mismatch = rsp.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(other.sop(), WebClient.value(mismatch, "00081155"));
        assertEquals(String.valueOf(0xA900), WebClient.value(mismatch, "00081197"));
        JsonObject notDicom = rsp.getJsonObject("00081198").getJsonArray("Value").getJsonObject(1);
        assertEquals(String.valueOf(0xC000), WebClient.value(notDicom, "00081197"));
        String warnings = String.join("|", r.headers().allValues("Warning"));
        assertTrue(warnings.contains("part 2: Study Instance UID " + other.study() + " of instance " + other.sop()
                + " differs from " + study), warnings);
        assertTrue(warnings.contains("part 3: not a DICOM file"), warnings);
        assertEquals(1, instancesOf(study));
        HttpResponse<String> q = WebClient.get(RS + "/instances?SOPInstanceUID=" + other.sop(), null);
        assertEquals(0, WebClient.array(q).size(), "the mismatching instance is not stored");
    }

    @Test
    void allPartsFailingIs409() throws Exception {
        HttpResponse<String> r = WebClient.stow(RS + "/studies/" + Samples.uid(),
                WebClient.multipart("application/dicom", Samples.copy("CT_small.dcm", Samples.uid()).file()));
        assertEquals(409, r.statusCode(), r.body());
    }

    @Test
    void truncatedBodyStoresTheCompletePartsAndNamesTheBrokenOne() throws Exception {
        String study = Samples.uid();
        Samples.Instance a = Samples.copy("CT_small.dcm", study);
        Samples.Instance b = Samples.copy("MR_small.dcm", study);
        byte[] whole = WebClient.multipart("application/dicom", a.file(), b.file());
        byte[] cut = Arrays.copyOf(whole, whole.length - 2000);
        HttpResponse<String> r = WebClient.stow(RS + "/studies", cut);
        assertEquals(202, r.statusCode(), r.body());
        JsonObject rsp = (JsonObject) WebClient.json(r.body());
        assertEquals(1, WebClient.count(rsp, "00081199"));
        JsonObject failed = rsp.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(b.sop(), WebClient.value(failed, "00081155"));
        String warnings = String.join("|", r.headers().allValues("Warning"));
        assertTrue(warnings.contains("part 2: multipart body truncated"), warnings);
        assertEquals(1, instancesOf(study));

        byte[] onlyCut = Arrays.copyOf(WebClient.multipart("application/dicom", b.file()), 3000);
        HttpResponse<String> r2 = WebClient.stow(RS + "/studies", onlyCut);
        assertEquals(400, r2.statusCode(), r2.body());
        assertTrue(r2.body().contains("multipart body truncated") && r2.body().contains("content of part 1"), r2.body());
    }

    @Test
    void wrongBoundaryIs400NamingTheBoundary() throws Exception {
        byte[] body = WebClient.multipart("application/dicom", Samples.copy("CT_small.dcm", Samples.uid()).file());
        HttpResponse<String> r = WebClient.stow(RS + "/studies", body,
                "multipart/related; type=\"application/dicom\"; boundary=not-the-one");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("no boundary delimiter '--not-the-one'"), r.body());
    }

    @Test
    void unsupportedMediaTypesAre415AndUnknownAeIs404() throws Exception {
        byte[] body = WebClient.multipart("application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = WebClient.stow(RS + "/studies", body,
                "multipart/related; type=\"application/pdf\"; boundary=" + WebClient.BOUNDARY);
        assertEquals(415, r.statusCode(), r.body());
        HttpResponse<String> parts = WebClient.stow(RS + "/studies", body,
                "multipart/related; boundary=" + WebClient.BOUNDARY);
        assertEquals(415, parts.statusCode(), parts.body());
        HttpResponse<String> noAe = WebClient.stow(WebClient.BASE + "/aets/NOSUCHAE/rs/studies",
                WebClient.multipart("application/dicom", Samples.bytes("CT_small.dcm")));
        assertEquals(404, noAe.statusCode(), noAe.body());
        assertTrue(noAe.body().contains("NOSUCHAE"), noAe.body());
    }

    @Test
    void expect100ContinueIsAnsweredBeforeTheBodyIsSent() throws Exception {
        Samples.Instance ct = Samples.copy("CT_small.dcm", Samples.uid());
        byte[] body = WebClient.multipart("application/dicom", ct.file());
        try (Socket s = new Socket("127.0.0.1", 8080)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /dcm4chee-arc/aets/DCM4CHEE/rs/studies HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                    + "Content-Type: multipart/related; type=\"application/dicom\"; boundary=" + WebClient.BOUNDARY
                    + "\r\nAuthorization: " + TestUsers.adminBasic()
                    + "\r\nAccept: application/dicom+json\r\nExpect: 100-continue\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String interim = new String(in.readNBytes(25), StandardCharsets.US_ASCII);
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            out.write(body);
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(rest.contains("HTTP/1.1 200"), rest);
            assertTrue(rest.contains(ct.sop()), rest);
        }
    }
}
