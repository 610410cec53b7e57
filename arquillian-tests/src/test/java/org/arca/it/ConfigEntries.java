package org.arca.it;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Context;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.directory.NoSuchAttributeException;

/**
 * Configuration entries in the archive's embedded LDAP (127.0.0.1:10389), written as an
 * administrator would with ldapadd/ldapmodify. The tests of one run share that LDAP, so an
 * entry that is already there is kept as it is.
 */
public final class ConfigEntries {
    public static final String DEVICES = "cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    public static final String ARCHIVE = "dicomDeviceName=dcm4chee-arc," + DEVICES;

    private ConfigEntries() {
    }

    private static DirContext connect() throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldap://127.0.0.1:10389");
        env.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=dcm4che,dc=org");
        env.put(Context.SECURITY_CREDENTIALS, "secret");
        return new InitialDirContext(env);
    }

    /**
     * Adds an entry given as "attribute: value" lines (a name repeated for several values).
     * @return whether it was added (false: it was there already)
     */
    public static boolean add(String dn, String... lines) throws NamingException {
        BasicAttributes attrs = new BasicAttributes(true);
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            Attribute a = attrs.get(name);
            if (a == null) {
                attrs.put(a = new BasicAttribute(name));
            }
            a.add(line.substring(colon + 1).trim());
        }
        DirContext ctx = connect();
        try {
            ctx.createSubcontext(dn, attrs).close();
            return true;
        } catch (NameAlreadyBoundException e) {
            return false;
        } finally {
            ctx.close();
        }
    }

    /** Replaces (or, with no values, removes) one attribute of an entry. */
    public static void replace(String dn, String attribute, String... values) throws NamingException {
        BasicAttribute a = new BasicAttribute(attribute);
        for (String v : values) {
            a.add(v);
        }
        DirContext ctx = connect();
        try {
            ctx.modifyAttributes(dn, new ModificationItem[] {new ModificationItem(
                    values.length == 0 ? DirContext.REMOVE_ATTRIBUTE : DirContext.REPLACE_ATTRIBUTE, a)});
        } catch (NoSuchAttributeException e) {
            // removing what is not there
        } finally {
            ctx.close();
        }
    }

    /**
     * Adds the entries of an LDIF text (version line, comments and "dn:" blocks; plain values only).
     * @return the DNs it added, in order
     */
    public static List<String> addLdif(String ldif) throws NamingException {
        List<String> added = new ArrayList<>();
        List<String> block = new ArrayList<>();
        String dn = null;
        for (String line : (ldif + "\n\n").split("\r?\n", -1)) { // -1 keeps the blank line that ends the last entry
            if (line.isBlank()) {
                if (dn != null && add(dn, block.toArray(String[]::new))) {
                    added.add(dn);
                }
                dn = null;
                block.clear();
            } else if (line.startsWith("#") || line.startsWith("version:")) {
                continue;
            } else if (line.startsWith("dn:")) {
                dn = line.substring(3).trim();
            } else {
                block.add(line.strip());
            }
        }
        return added;
    }

    /** The first value of an attribute, or null. */
    public static String value(String dn, String attribute) throws NamingException {
        DirContext ctx = connect();
        try {
            Attribute a = ctx.getAttributes(dn, new String[] {attribute}).get(attribute);
            return a == null ? null : (String) a.get();
        } finally {
            ctx.close();
        }
    }

    /** Removes a leaf entry if it is there. */
    public static void remove(String dn) throws NamingException {
        DirContext ctx = connect();
        try {
            ctx.destroySubcontext(dn);
        } catch (NameNotFoundException e) {
            // removed already
        } finally {
            ctx.close();
        }
    }
}
