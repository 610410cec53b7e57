package org.arca.it.web;

import org.arca.it.TestUsers;
import static org.arca.it.web.WebClient.RS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orthanc's DICOMweb client against the archive: Orthanc sends a study with STOW-RS, queries it
 * with QIDO-RS and retrieves it back with WADO-RS; the objects come back byte-identical.
 */
@ExtendWith(ArquillianExtension.class)
class OrthancDicomWebIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return WebClient.ear();
    }

    @Test
    void orthancStoresQueriesAndRetrievesOverDicomWeb() throws Exception {
        String study = Samples.uid();
        List<Samples.Instance> sent = List.of(Samples.copy("CT_small.dcm", study), Samples.copy("MR_small.dcm", study),
                Samples.copy("SC_rgb_rle.dcm", study));
        try (Orthanc orthanc = Orthanc.start()) {
            assertEquals(200, orthanc.send("PUT", "/dicom-web/servers/arca", "{\"Url\":\"" + RS + "/\",\"Username\":\"admin\",\"Password\":\"" + TestUsers.ADMIN_PASSWORD + "\"}").statusCode());
            // the samples have different Patient IDs, so Orthanc (which keys studies by patient too) makes 3 studies
            java.util.Set<String> orthancStudies = new java.util.LinkedHashSet<>();
            for (Samples.Instance i : sent) {
                HttpResponse<String> up = orthanc.send("POST", "/instances", HttpRequest.BodyPublishers.ofByteArray(i.file()));
                assertEquals(200, up.statusCode(), up.body());
                orthancStudies.add(((JsonObject) WebClient.json(up.body())).getString("ParentStudy"));
            }
            String resources = "[\"" + String.join("\",\"", orthancStudies) + "\"]";

            HttpResponse<String> stow = orthanc.send("POST", "/dicom-web/servers/arca/stow",
                    "{\"Resources\":" + resources + ",\"Synchronous\":true}");
            assertEquals(200, stow.statusCode(), stow.body() + orthanc.log());
            for (Samples.Instance i : sent) {
                HttpResponse<byte[]> r = WebClient.getBytes(RS + "/studies/" + study + "/series/" + i.series()
                        + "/instances/" + i.sop(), "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
                assertEquals(200, r.statusCode(), "stored by Orthanc's STOW-RS: " + i.sop() + "\n" + stow.body()
                        + "\n" + orthanc.log());
                List<byte[]> parts = MultipartBody.parts(r.body(), r.headers().firstValue("Content-Type").orElseThrow());
                assertArrayEquals(i.dataset(), Samples.dataset(parts.get(0)), i.sop());
            }

            HttpResponse<String> qido = orthanc.send("POST", "/dicom-web/servers/arca/get",
                    "{\"Uri\":\"/studies/" + study + "/series\"}");
            assertEquals(200, qido.statusCode(), qido.body() + orthanc.log());
            assertEquals(3, ((JsonArray) WebClient.json(qido.body())).size(), qido.body());

            for (String id : orthancStudies) {
                assertEquals(200, orthanc.send("DELETE", "/studies/" + id, HttpRequest.BodyPublishers.noBody()).statusCode());
            }
            HttpResponse<String> retrieve = orthanc.send("POST", "/dicom-web/servers/arca/retrieve",
                    "{\"Resources\":[{\"Study\":\"" + study + "\"}],\"Synchronous\":true}");
            assertEquals(200, retrieve.statusCode(), retrieve.body() + orthanc.log());
            for (Samples.Instance i : sent) {
                HttpResponse<String> lookup = orthanc.send("POST", "/tools/lookup", i.sop());
                JsonArray ids = (JsonArray) WebClient.json(lookup.body());
                assertEquals(1, ids.size(), "retrieved into Orthanc: " + i.sop() + " " + retrieve.body());
                HttpResponse<byte[]> file = orthanc.getBytes("/instances/" + ids.getJsonObject(0).getString("ID") + "/file");
                assertArrayEquals(i.dataset(), Samples.dataset(file.body()), "back in Orthanc: " + i.sop());
            }
        }
    }
}
