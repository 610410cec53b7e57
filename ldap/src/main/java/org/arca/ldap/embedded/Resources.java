package org.arca.ldap.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The LDAP files packaged in the jar under org/arca/ldap/ (see ldap/pom.xml). */
final class Resources {

    static final String BASE = "/org/arca/ldap/";
    /** ApacheDS forms of our schema, in dependency order. */
    static final List<String> APACHEDS_SCHEMA = List.of("apacheds/01-dicom.ldif", "apacheds/02-arca.ldif");

    private Resources() {}

    static InputStream open(String name) throws IOException {
        InputStream in = Resources.class.getResourceAsStream(BASE + name);
        if (in == null) throw new IOException("resource " + BASE + name + " missing from the classpath");
        return in;
    }
}
