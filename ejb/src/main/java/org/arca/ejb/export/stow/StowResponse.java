package org.arca.ejb.export.stow;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which instances of one STOW-RS request failed, from the status code and the DICOM JSON
 * response (PS3.18 10.5.3): 200 all stored; 202 some failed, named in the Failed SOP Sequence
 * (0008,1198); 409 and other errors all failed, unless the response names which ones.
 */
final class StowResponse {

    private static final String FAILED_SOP_SEQUENCE = "00081198";
    private static final String REFERENCED_SOP_INSTANCE_UID = "00081155";

    private StowResponse() {
    }

    static Set<String> failed(int status, String body, List<StowPart> sent) {
        Set<String> failed = failedInBody(body);
        if (status == 200 && failed.isEmpty()) {
            return failed;
        }
        if (failed.isEmpty() && status != 202) {
            sent.forEach(p -> failed.add(p.sopInstanceUID()));
        }
        return failed;
    }

    private static Set<String> failedInBody(String body) {
        Set<String> uids = new HashSet<>();
        if (body == null || body.isBlank()) {
            return uids;
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            JsonObject ds = v instanceof JsonArray a && !a.isEmpty() ? a.getJsonObject(0)
                    : v instanceof JsonObject o ? o : null;
            JsonObject seq = ds == null ? null : ds.getJsonObject(FAILED_SOP_SEQUENCE);
            JsonArray items = seq == null ? null : seq.getJsonArray("Value");
            if (items != null) {
                for (JsonValue item : items) {
                    JsonObject uid = item.asJsonObject().getJsonObject(REFERENCED_SOP_INSTANCE_UID);
                    if (uid != null && uid.getJsonArray("Value") != null) {
                        uids.add(uid.getJsonArray("Value").getString(0));
                    }
                }
            }
        } catch (RuntimeException e) {
            // not DICOM JSON (an HTML error page, say): the status code decides
        }
        return uids;
    }
}
