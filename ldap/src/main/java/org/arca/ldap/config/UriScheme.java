package org.arca.ldap.config;

import java.util.regex.Pattern;

/** The scheme of a configuration URI, by RFC 3986's scheme syntax only; the rest is the provider's. */
public final class UriScheme {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    private UriScheme() {}

    /** The part before the first ':', or null if there is none or it is not a scheme. */
    public static String of(String uri) {
        if (uri == null) return null;
        int colon = uri.indexOf(':');
        if (colon <= 0) return null;
        String scheme = uri.substring(0, colon);
        return SCHEME.matcher(scheme).matches() ? scheme : null;
    }
}
