package org.arca.it.export;

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

/** Adds and changes configuration entries in the archive's embedded LDAP, as an administrator would. */
public final class LdapEntries {

    public static final String DEVICES = "cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org";
    public static final String ARCHIVE = "dicomDeviceName=dcm4chee-arc," + DEVICES;

    private LdapEntries() {
    }

    private static DirContext connect() throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, "ldap://127.0.0.1:10389");
        env.put(Context.SECURITY_PRINCIPAL, "cn=admin,dc=dcm4che,dc=org");
        env.put(Context.SECURITY_CREDENTIALS, "secret");
        return new InitialDirContext(env);
    }

    /** Adds an entry given as "attribute: value" lines (repeat a name for several values); kept if present. */
    public static void add(String dn, String... lines) throws NamingException {
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

    /** Replaces (or with no values removes) one attribute of an entry. */
    public static void replace(String dn, String attribute, String... values) throws NamingException {
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

    /** An exporter on the archive device. */
    public static void exporter(String id, String uri, String queue, String... more) throws NamingException {
        String[] lines = new String[5 + more.length];
        lines[0] = "objectClass: dcmExporter";
        lines[1] = "dcmExporterID: " + id;
        lines[2] = "dcmURI: " + uri;
        lines[3] = "dcmQueueName: " + queue;
        lines[4] = "dicomAETitle: DCM4CHEE";
        System.arraycopy(more, 0, lines, 5, more.length);
        add("dcmExporterID=" + id + "," + ARCHIVE, lines);
    }

    /**
     * A peer device {@code name} with an HTTP connection to 127.0.0.1:{@code port} and a web
     * application {@code name} at {@code path} (STOW-RS), with dcmProperty {@code properties}.
     * The port is set again if the entries exist, so a peer on a new port is found.
     */
    public static void webApp(String name, int port, String path, String... properties) throws NamingException {
        String device = "dicomDeviceName=" + name + "," + DEVICES;
        add(device, "objectClass: dicomDevice", "dicomDeviceName: " + name, "dicomInstalled: TRUE");
        add("cn=http," + device, "objectClass: dicomNetworkConnection", "objectClass: dcmNetworkConnection",
                "cn: http", "dicomHostname: 127.0.0.1", "dicomPort: " + port, "dcmProtocol: HTTP");
        replace("cn=http," + device, "dicomPort", String.valueOf(port));
        String[] lines = new String[6 + properties.length];
        lines[0] = "objectClass: dcmWebApp";
        lines[1] = "dcmWebAppName: " + name;
        lines[2] = "dcmWebServicePath: " + path;
        lines[3] = "dcmWebServiceClass: STOW_RS";
        lines[4] = "dicomNetworkConnectionReference: cn=http," + device;
        lines[5] = "dicomDescription: STOW-RS receiver of the tests";
        for (int i = 0; i < properties.length; i++) {
            lines[6 + i] = "dcmProperty: " + properties[i];
        }
        add("dcmWebAppName=" + name + "," + device, lines);
    }

    /** Adds the entries of an LDIF text (version line, comments and "dn:" blocks; plain values only). */
    public static void addLdif(String ldif) throws NamingException {
        java.util.List<String> block = new java.util.ArrayList<>();
        String dn = null;
        for (String line : (ldif + "\n\n").split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (dn != null) {
                    add(dn, block.toArray(String[]::new));
                }
                dn = null;
                block.clear();
            } else if (line.startsWith("#") || line.startsWith("version:")) {
                continue;
            } else if (line.startsWith("dn:")) {
                dn = line.substring(3).trim();
            } else {
                block.add(line);
            }
        }
    }
}
