package org.arca.dicomweb.conf;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Secrets never leave the server in clear: in device JSON, dcmProperty values whose name says
 * credential, password, secret or token (credential=, basic-auth=, bearer-token=, ...) and
 * password-like attributes (userPassword, key store pins) read {@value #MASK}, and so does the
 * password of a URI that carries one ({@code stowrs:https://user:******@host/...}). A form sent
 * back with the mask unchanged keeps the value stored in LDAP ({@link #restore}, {@link #restoreUri}).
 */
final class Secrets {

    static final String MASK = "******";

    private static final List<String> SECRET_WORDS = List.of("credential", "password", "secret", "token",
            "basic-auth", "pin", "passphrase", "private-key", "key-pass");

    private Secrets() {
    }

    static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The same JSON with every secret replaced by the mask. */
    static JsonValue mask(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder b = Json.createObjectBuilder();
                for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
                    if (e.getKey().equals("dcmProperty") && e.getValue() instanceof JsonArray a) {
                        b.add(e.getKey(), maskProperties(a));
                    } else if (isSecretName(e.getKey()) && e.getValue() instanceof JsonString) {
                        b.add(e.getKey(), MASK);
                    } else {
                        b.add(e.getKey(), mask(e.getValue()));
                    }
                }
                return b.build();
            }
            case ARRAY -> {
                JsonArrayBuilder b = Json.createArrayBuilder();
                for (JsonValue e : v.asJsonArray()) {
                    b.add(mask(e));
                }
                return b.build();
            }
            case STRING -> {
                String m = maskUri(((JsonString) v).getString());
                return m == null ? v : Json.createValue(m);
            }
            default -> {
                return v;
            }
        }
    }

    /** The URI with the password of its user information masked; null when it has none. */
    static String maskUri(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int hostStart = scheme + 3;
        int pathStart = uri.indexOf('/', hostStart);
        int at = uri.lastIndexOf('@', pathStart < 0 ? uri.length() - 1 : pathStart);
        int colon = at < hostStart ? -1 : uri.indexOf(':', hostStart);
        if (colon < 0 || colon > at || colon + 1 == at) {
            return null;
        }
        return uri.substring(0, colon + 1) + MASK + uri.substring(at);
    }

    /**
     * A URI sent back with its password masked becomes the stored value it was masked from;
     * null when none was stored (the caller refuses the request).
     */
    static String restoreUri(String uri, List<String> stored) {
        for (String s : stored) {
            if (uri.equals(maskUri(s))) {
                return s;
            }
        }
        return null;
    }

    private static JsonArray maskProperties(JsonArray a) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (JsonValue e : a) {
            if (e instanceof JsonString s) {
                String p = s.getString();
                int eq = p.indexOf('=');
                b.add(eq > 0 && isSecretName(p.substring(0, eq)) ? p.substring(0, eq + 1) + MASK : p);
            } else {
                b.add(e);
            }
        }
        return b.build();
    }

    /**
     * A property {@code name=******} as sent back by a form becomes the value stored before;
     * null when there was none (the caller refuses the request).
     */
    static String restore(String property, List<String> stored) {
        int eq = property.indexOf('=');
        if (eq <= 0 || !property.substring(eq + 1).equals(MASK)) {
            return property;
        }
        String prefix = property.substring(0, eq + 1);
        for (String s : stored) {
            if (s.startsWith(prefix)) {
                return s;
            }
        }
        return null;
    }

    static boolean isMasked(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && s.getString().equals(MASK);
    }
}
