package org.arca.ejb.export.stow;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.arca.dicom.dict.UID;

/**
 * The STOW-RS client settings a destination web application carries in dcmProperty (seed 001):
 * {@code chunked}, {@code concurrency}, {@code transfer-syntax}, {@code bearer-token},
 * {@code basic-auth}, {@code allow-any-hostname}, {@code disable-trust-manager}; and Arca's
 * {@code instances-per-request} (dcm4chee sends one instance per request; Arca several).
 */
public record StowSettings(boolean chunked, int concurrency, List<String> transferSyntaxes, String authorization,
        boolean allowAnyHostname, boolean disableTrustManager, int instancesPerRequest) {

    public static final int DEFAULT_INSTANCES_PER_REQUEST = 20;

    /** @throws IllegalArgumentException naming the property that is wrong */
    public static StowSettings of(Map<String, String> p) {
        String bearer = p.get("bearer-token");
        String basic = p.get("basic-auth");
        String authorization = bearer != null ? "Bearer " + bearer
                : basic != null ? "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)) : null;
        return new StowSettings(bool(p, "chunked"), positive(p, "concurrency", 1),
                transferSyntaxes(p.get("transfer-syntax")), authorization, bool(p, "allow-any-hostname"),
                bool(p, "disable-trust-manager"), positive(p, "instances-per-request", DEFAULT_INSTANCES_PER_REQUEST));
    }

    /** True when the object may go as stored: no list configured, or its syntax is listed. */
    public boolean acceptsAsStored(String tsuid) {
        return transferSyntaxes.isEmpty() || transferSyntaxes.contains(tsuid);
    }

    /**
     * The uncompressed syntax to convert to when the stored one is not accepted: Explicit VR
     * Little Endian, or Implicit when only that one is listed.
     */
    public String conversionTarget() {
        return !transferSyntaxes.contains(UID.ExplicitVRLittleEndian) && transferSyntaxes.contains(UID.ImplicitVRLittleEndian)
                ? UID.ImplicitVRLittleEndian : UID.ExplicitVRLittleEndian;
    }

    private static List<String> transferSyntaxes(String value) {
        List<String> uids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return uids;
        }
        for (String s : value.split(",")) {
            String v = s.trim();
            if (v.isEmpty()) {
                continue;
            }
            String uid = v.chars().allMatch(c -> c == '.' || Character.isDigit(c)) ? v : UID.forKeyword(v);
            if (uid == null) {
                throw new IllegalArgumentException("transfer-syntax: '" + v + "' is neither a UID nor a keyword");
            }
            uids.add(uid);
        }
        return uids;
    }

    private static boolean bool(Map<String, String> p, String name) {
        return Boolean.parseBoolean(p.getOrDefault(name, "false").trim());
    }

    private static int positive(Map<String, String> p, String name, int dflt) {
        String v = p.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": '" + v + "' is not a positive number");
    }
}
