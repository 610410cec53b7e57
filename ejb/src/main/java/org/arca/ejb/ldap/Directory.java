package org.arca.ejb.ldap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Hashtable;
import java.util.logging.Logger;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.embedded.EmbeddedDirectory;

/**
 * The LDAP server that holds the configuration: the one named by ARCA_LDAP_URL, or else an
 * embedded ApacheDS on the loopback address with its partition under the data folder.
 */
@Singleton
@Startup
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());

    private EmbeddedDirectory embedded;
    private String url;

    @PostConstruct
    void start() {
        String external = Settings.ldapUrl();
        if (external != null) {
            url = serverOf(external);
            LOG.info("Configuration from LDAP at " + url);
            return;
        }
        try {
            embedded = EmbeddedDirectory.start(Settings.dataDir().resolve("ldap"),
                    Settings.bindAddress(), Settings.embeddedLdapPort(), Settings.ldapPassword());
        } catch (Exception e) {
            throw new IllegalStateException("Embedded LDAP server did not start: " + e, e);
        }
        url = embedded.url();
        LOG.info("Embedded LDAP server at " + url);
    }

    @PreDestroy
    void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A new connection, bound as the configured manager; the caller closes it. */
    @Lock(LockType.READ)
    public DirContext connect() throws NamingException {
        return new InitialDirContext(environment());
    }

    @Lock(LockType.READ)
    public Hashtable<String, Object> environment() {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, Settings.ldapUser());
        env.put(Context.SECURITY_CREDENTIALS, Settings.ldapPassword());
        env.put("com.sun.jndi.ldap.connect.timeout", "5000");
        env.put("com.sun.jndi.ldap.read.timeout", "10000");
        return env;
    }

    /** ARCA_LDAP_URL may carry the base DN as its path; names used here are always full DNs. */
    static String serverOf(String ldapUrl) {
        int slash = ldapUrl.indexOf('/', ldapUrl.indexOf("//") + 2);
        return slash < 0 ? ldapUrl : ldapUrl.substring(0, slash);
    }

    @Lock(LockType.READ)
    public String url() {
        return url;
    }
}
