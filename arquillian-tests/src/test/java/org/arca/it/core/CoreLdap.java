package org.arca.it.core;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/** Configuration entries in the archive's embedded LDAP, written as an administrator would. */
final class CoreLdap {
    static final String DEVICES = "cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    static final String ARCHIVE = "dicomDeviceName=dcm4chee-arc," + DEVICES;

    private CoreLdap() {
    }

    private static DirContext connect() throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldap://127.0.0.1:10389");
        env.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=dcm4che,dc=org");
        env.put(Context.SECURITY_CREDENTIALS, "secret");
        return new InitialDirContext(env);
    }

    /** Adds an entry of "attribute: value" lines; kept as it is when an earlier test added it. */
    static void add(String dn, String... lines) throws NamingException {
        BasicAttributes attrs = new BasicAttributes(true);
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            Attribute a = attrs.get(name);
            if (a == null) {
                a = new BasicAttribute(name);
                attrs.put(a);
            }
            a.add(line.substring(colon + 1).trim());
        }
        DirContext ctx = connect();
        try {
            ctx.createSubcontext(dn, attrs).close();
        } catch (NameAlreadyBoundException e) {
            // from an earlier test of this run
        } finally {
            ctx.close();
        }
    }

    /** Replaces (or, with no values, removes) one attribute. */
    static void replace(String dn, String attribute, String... values) throws NamingException {
        BasicAttribute a = new BasicAttribute(attribute);
        for (String v : values) {
            a.add(v);
        }
        DirContext ctx = connect();
        try {
            ctx.modifyAttributes(dn, new ModificationItem[] {new ModificationItem(
                    values.length == 0 ? DirContext.REMOVE_ATTRIBUTE : DirContext.REPLACE_ATTRIBUTE, a)});
        } catch (javax.naming.directory.NoSuchAttributeException e) {
            // removing what is not there
        } finally {
            ctx.close();
        }
    }
}
