package org.arca.dicomweb.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.logging.Logger;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import org.arca.ejb.ldap.Directory;

/**
 * Makes sure someone can sign in: at start, the entries ou=users and ou=groups, the user
 * {@code admin} and the groups {@code admin} and {@code user} (admin in both) exist in the
 * configuration's LDAP. The admin password is ARCA_ADMIN_PASSWORD (or -Darca.admin.password),
 * set at every start when given, like the LDAP manager's; without it a first start generates
 * one and prints it once.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @EJB
    private Directory directory;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            ensure();
        } catch (NamingException e) {
            // The archive still starts; health shows LDAP down and the next start retries.
            LOG.severe("Sign-in accounts not checked in LDAP: " + e);
        }
    }

    void ensure() throws NamingException {
        String configured = configuredPassword();
        DirContext ctx = directory.connect();
        try {
            ensureUnit(ctx, UserDirectory.USERS);
            ensureUnit(ctx, UserDirectory.GROUPS);
            String adminDn = UserDirectory.userDn("admin");
            if (!exists(ctx, adminDn)) {
                String password = configured != null ? configured : generated();
                UserDirectory.addUser(ctx, "admin", password, "Arca administrator");
                if (configured == null) {
                    LOG.warning("\n\n    Arca web UI and REST: user 'admin', generated password: " + password
                            + "\n    (set ARCA_ADMIN_PASSWORD to choose it; it is printed only this once)\n");
                } else {
                    LOG.info("Created user 'admin' in LDAP with the password of ARCA_ADMIN_PASSWORD");
                }
            } else if (configured != null) {
                ctx.modifyAttributes(adminDn, new ModificationItem[] {new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
                        new BasicAttribute("userPassword", PasswordHash.ssha(configured)))});
            }
            for (String role : new String[] {"admin", "user"}) {
                if (!exists(ctx, UserDirectory.groupDn(role))) {
                    UserDirectory.addGroup(ctx, role, adminDn);
                }
            }
        } finally {
            ctx.close();
        }
    }

    private static void ensureUnit(DirContext ctx, String dn) throws NamingException {
        if (!exists(ctx, dn)) {
            BasicAttributes a = new BasicAttributes(true);
            a.put(new BasicAttribute("objectClass", "organizationalUnit"));
            a.put("ou", dn.substring(3, dn.indexOf(',')));
            ctx.createSubcontext(dn, a).close();
        }
    }

    static boolean exists(DirContext ctx, String dn) throws NamingException {
        try {
            ctx.getAttributes(dn, new String[] {"objectClass"});
            return true;
        } catch (NameNotFoundException e) {
            return false;
        }
    }

    private static String configuredPassword() {
        String v = System.getProperty("arca.admin.password");
        if (v == null || v.isEmpty()) {
            v = System.getenv("ARCA_ADMIN_PASSWORD");
        }
        return v == null || v.isEmpty() ? null : v;
    }

    private static String generated() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
