package org.arca.it.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;
import org.arca.it.TestUsers;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Requests to the archive as a given user (or none), and a look at what LDAP holds. */
final class Http {

    static final String BASE = "http://127.0.0.1:8080/dcm4chee-arc";
    static final String ARCHIVE_DN = "dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("arca.ear")));
    }

    /** authorization: an Authorization header value, or null for none. */
    static HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return send(method, path, authorization, json, new String[0]);
    }

    /** headers: more request headers, name and value in turn. */
    static HttpResponse<String> send(String method, String path, String authorization, String json, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return send(method, path, TestUsers.adminBasic(), json);
    }

    static HttpResponse<String> viewer(String method, String path, String json) throws Exception {
        return send(method, path, TestUsers.basic(TestUsers.VIEWER, TestUsers.VIEWER_PASSWORD), json);
    }

    /** The entry's attributes as the embedded LDAP holds them (null when there is no entry). */
    static Attributes ldap(String dn) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldap://127.0.0.1:10389");
        env.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=dcm4che,dc=org");
        env.put(Context.SECURITY_CREDENTIALS, "secret");
        InitialDirContext ctx = new InitialDirContext(env);
        try {
            return ctx.getAttributes(dn);
        } catch (javax.naming.NameNotFoundException e) {
            return null;
        } finally {
            ctx.close();
        }
    }
}
