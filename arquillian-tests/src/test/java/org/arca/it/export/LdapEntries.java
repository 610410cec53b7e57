package org.arca.it.export;

import javax.naming.NamingException;
import org.arca.it.ConfigEntries;

/** The exporters and STOW-RS receivers of the export tests, as entries in the archive's LDAP. */
public final class LdapEntries {

    private static final String DEVICES = ConfigEntries.DEVICES;
    private static final String ARCHIVE = ConfigEntries.ARCHIVE;

    private LdapEntries() {
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
        ConfigEntries.add("dcmExporterID=" + id + "," + ARCHIVE, lines);
    }

    /**
     * A peer device {@code name} with an HTTP connection to 127.0.0.1:{@code port} and a web
     * application {@code name} at {@code path} (STOW-RS), with dcmProperty {@code properties}.
     * The port is set again if the entries exist, so a peer on a new port is found.
     */
    public static void webApp(String name, int port, String path, String... properties) throws NamingException {
        String device = "dicomDeviceName=" + name + "," + DEVICES;
        ConfigEntries.add(device, "objectClass: dicomDevice", "dicomDeviceName: " + name, "dicomInstalled: TRUE");
        ConfigEntries.add("cn=http," + device, "objectClass: dicomNetworkConnection", "objectClass: dcmNetworkConnection",
                "cn: http", "dicomHostname: 127.0.0.1", "dicomPort: " + port, "dcmProtocol: HTTP");
        ConfigEntries.replace("cn=http," + device, "dicomPort", String.valueOf(port));
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
        ConfigEntries.add("dcmWebAppName=" + name + "," + device, lines);
    }
}
