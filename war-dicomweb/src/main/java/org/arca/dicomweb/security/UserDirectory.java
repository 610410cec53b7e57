package org.arca.dicomweb.security;

import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import org.arca.ejb.runtime.Settings;

/**
 * Where sign-in looks (the Elytron realm of configure.cli): users are person + uidObject entries
 * uid=NAME,ou=users and roles are groupOfNames entries cn=ROLE,ou=groups below the base DN.
 */
public final class UserDirectory {

    public static final String USERS = "ou=users," + Settings.BASE_DN;
    public static final String GROUPS = "ou=groups," + Settings.BASE_DN;

    private UserDirectory() {
    }

    public static String userDn(String uid) {
        return "uid=" + uid + "," + USERS;
    }

    public static String groupDn(String role) {
        return "cn=" + role + "," + GROUPS;
    }

    static void addUser(DirContext ctx, String uid, String password, String cn) throws NamingException {
        BasicAttributes a = new BasicAttributes(true);
        BasicAttribute oc = new BasicAttribute("objectClass");
        oc.add("top");
        oc.add("person");
        oc.add("uidObject"); // person + uidObject: core schema only (RFC 4519), on every server
        a.put(oc);
        a.put("uid", uid);
        a.put("cn", cn);
        a.put("sn", uid);
        a.put("userPassword", PasswordHash.ssha(password));
        ctx.createSubcontext(userDn(uid), a).close();
    }

    static void addGroup(DirContext ctx, String role, String memberDn) throws NamingException {
        BasicAttributes a = new BasicAttributes(true);
        a.put(new BasicAttribute("objectClass", "groupOfNames"));
        a.put("cn", role);
        a.put("member", memberDn);
        ctx.createSubcontext(groupDn(role), a).close();
    }
}
