package org.arca.it.storage;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** Adds configuration entries to the archive's embedded LDAP as an administrator's LDIF would. */
final class Ldap {
    static final String DEVICES = "cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    static final String ARCHIVE = "dicomDeviceName=dcm4chee-arc," + DEVICES;

    private static final java.util.Deque<String> ADDED = new java.util.ArrayDeque<>();

    private Ldap() {
    }

    /** Adds every entry of an LDIF text ("dn:" starts an entry; "version:" and comments skipped); present ones are kept. */
    static void ldif(String text) throws NamingException {
        String dn = null;
        BasicAttributes attrs = null;
        for (String line : (text + "\n\n").split("\n", -1)) { // -1: keep the blank line that ends the last entry
            line = line.strip();
            if (line.isEmpty()) {
                if (dn != null) {
                    add(dn, attrs);
                }
                dn = null;
                continue;
            }
            if (line.startsWith("#") || line.startsWith("version:")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equals("dn")) {
                dn = value;
                attrs = new BasicAttributes(true);
                continue;
            }
            Attribute a = attrs.get(name);
            if (a == null) {
                a = new BasicAttribute(name);
                attrs.put(a);
            }
            a.add(value);
        }
    }

    /** Removes, newest first, the entries this class added, so later test classes see the configuration they expect. */
    static void removeAdded() throws NamingException {
        DirContext ctx = connect();
        try {
            while (!ADDED.isEmpty()) {
                try {
                    ctx.destroySubcontext(ADDED.pop());
                } catch (javax.naming.NameNotFoundException e) {
                    // removed already
                }
            }
        } finally {
            ctx.close();
        }
    }

    private static DirContext connect() throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldap://127.0.0.1:10389");
        env.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=dcm4che,dc=org");
        env.put(Context.SECURITY_CREDENTIALS, "secret");
        return new InitialDirContext(env);
    }

    private static void add(String dn, BasicAttributes attrs) throws NamingException {
        DirContext ctx = connect();
        try {
            ctx.createSubcontext(dn, attrs).close();
            ADDED.push(dn);
        } catch (NameAlreadyBoundException e) {
            // left by a run that could not clean up
        } finally {
            ctx.close();
        }
    }

    /** An archive AE on the device's DICOM connection, storing into {@code storageId}. */
    static void archiveAe(String aet, String storageId) throws NamingException {
        ldif("dn: dicomAETitle=" + aet + "," + ARCHIVE + "\n"
                + "objectClass: dicomNetworkAE\nobjectClass: dcmNetworkAE\nobjectClass: dcmArchiveNetworkAE\n"
                + "dicomAETitle: " + aet + "\n"
                + "dicomNetworkConnectionReference: cn=dicom," + ARCHIVE + "\n"
                + "dicomAssociationInitiator: TRUE\ndicomAssociationAcceptor: TRUE\ndicomInstalled: TRUE\n"
                + "dcmObjectStorageID: " + storageId + "\n");
    }
}
