package org.arca.it;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/**
 * The accounts the tests sign in with. {@code admin} has the password the archive under test
 * got as ARCA_ADMIN_PASSWORD (system property arca.admin.password, set in arquillian-tests/pom.xml
 * and by ArchiveProcess); {@code viewer} has role user only and is added by {@link #addViewer}.
 */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = System.getProperty("arca.admin.password", "arca-test-admin");
    public static final String VIEWER = "viewer";
    public static final String VIEWER_PASSWORD = "arca-test-viewer";

    /** For HttpClient.newBuilder().authenticator(...): answers the archive's Basic challenge as admin. */
    public static final Authenticator ADMIN_AUTH = authenticator(ADMIN, ADMIN_PASSWORD);

    private TestUsers() {
    }

    public static Authenticator authenticator(String user, String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.toCharArray());
            }
        };
    }

    /** The value of an Authorization header. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String adminBasic() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Adds (once) the user {@code viewer} in role user to the archive's LDAP (the embedded
     * ApacheDS on 127.0.0.1:10389 unless ldapUrl names another), as the manager.
     */
    public static void addViewer(String ldapUrl, String managerDn, String managerPassword) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, ldapUrl);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, managerDn);
        env.put(Context.SECURITY_CREDENTIALS, managerPassword);
        DirContext ctx = new InitialDirContext(env);
        try {
            String dn = "uid=" + VIEWER + ",ou=users,dc=dcm4che,dc=org";
            BasicAttributes a = new BasicAttributes(true);
            BasicAttribute oc = new BasicAttribute("objectClass", "person");
            oc.add("uidObject");
            a.put(oc);
            a.put("uid", VIEWER);
            a.put("cn", VIEWER);
            a.put("sn", VIEWER);
            a.put("userPassword", VIEWER_PASSWORD);
            try {
                ctx.createSubcontext(dn, a).close();
                ctx.modifyAttributes("cn=user,ou=groups,dc=dcm4che,dc=org", new ModificationItem[] {
                        new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute("member", dn))});
            } catch (NameAlreadyBoundException exists) {
                // added by an earlier test of this run
            }
        } finally {
            ctx.close();
        }
    }

    public static void addViewer() throws NamingException {
        addViewer("ldap://127.0.0.1:10389", "cn=admin,dc=dcm4che,dc=org", "secret");
    }
}
