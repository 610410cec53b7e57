package org.arca.tools.stowrsd;

import java.util.List;

/** The STOW-RS response data set (PS3.18 10.5.3) in DICOM JSON. */
final class StowResponseJson {

    private StowResponseJson() {
    }

    /** {@code stored} and {@code failed}: pairs of SOP Class and SOP Instance UID (either may be null). */
    static String of(List<String[]> stored, List<String[]> failed, int failureReason) {
        StringBuilder sb = new StringBuilder("{");
        if (!stored.isEmpty()) {
            sb.append("\"00081199\":{\"vr\":\"SQ\",\"Value\":[");
            items(sb, stored, null);
            sb.append("]}");
        }
        if (!failed.isEmpty()) {
            sb.append(stored.isEmpty() ? "" : ",").append("\"00081198\":{\"vr\":\"SQ\",\"Value\":[");
            items(sb, failed, failureReason);
            sb.append("]}");
        }
        return sb.append('}').toString();
    }

    private static void items(StringBuilder sb, List<String[]> refs, Integer reason) {
        for (int i = 0; i < refs.size(); i++) {
            sb.append(i == 0 ? "{" : ",{");
            String sep = "";
            if (refs.get(i)[0] != null) {
                sb.append("\"00081150\":").append(ui(refs.get(i)[0]));
                sep = ",";
            }
            if (refs.get(i)[1] != null) {
                sb.append(sep).append("\"00081155\":").append(ui(refs.get(i)[1]));
                sep = ",";
            }
            if (reason != null) {
                sb.append(sep).append("\"00081197\":{\"vr\":\"US\",\"Value\":[").append(reason).append("]}");
            }
            sb.append('}');
        }
    }

    /** UIDs hold only digits and dots once checked; anything else is escaped to stay valid JSON. */
    private static String ui(String uid) {
        StringBuilder sb = new StringBuilder("{\"vr\":\"UI\",\"Value\":[\"");
        for (char c : uid.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20) {
                sb.append(c);
            }
        }
        return sb.append("\"]}").toString();
    }
}
