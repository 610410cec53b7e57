package org.arca.ejb.dimse;

import java.util.Hashtable;
import javax.naming.NamingEnumeration;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Connection;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * Finds a C-MOVE destination in LDAP: the device holding a dicomNetworkAE with that AE title,
 * loaded whole, and the AE's first DICOM connection with a port (plain before TLS). Also the
 * destination lookup of the dicom: exporter.
 */
public final class LdapMoveDestinations implements MoveDestination.Resolver {
    private final Hashtable<String, Object> environment;

    public LdapMoveDestinations(Hashtable<String, Object> environment) {
        this.environment = environment;
    }

    @Override
    public MoveDestination resolve(String aeTitle) throws Exception {
        LdapContext ctx = new InitialLdapContext(environment, null);
        try {
            SearchControls sc = new SearchControls();
            sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
            sc.setReturningAttributes(new String[] {"dicomAETitle"});
            String deviceName = null;
            NamingEnumeration<SearchResult> e = ctx.search(Settings.DEVICES_ROOT,
                    "(&(objectClass=dicomNetworkAE)(dicomAETitle={0}))", new Object[] {aeTitle}, sc);
            if (e.hasMore()) {
                String dn = e.next().getNameInNamespace();
                deviceName = deviceNameOf(dn);
            }
            e.close();
            if (deviceName == null) {
                return null;
            }
            Device device = new LdapConfiguration(ctx, Settings.BASE_DN).loadDevice(deviceName).device();
            ApplicationEntity ae = device == null ? null : device.getApplicationEntity(aeTitle);
            if (ae == null) {
                return null;
            }
            Connection best = null;
            for (String name : ae.getConnectionNames()) {
                Connection c = device.getConnection(name);
                if (c != null && c.getPort() != null && (best == null || best.isTls() && !c.isTls())) {
                    best = c;
                }
            }
            return best == null ? null : new MoveDestination(aeTitle, best.getHostname(), best.getPort());
        } finally {
            ctx.close();
        }
    }

    /** dicomAETitle=X,dicomDeviceName=NAME,cn=Devices,... -> NAME */
    static String deviceNameOf(String dn) {
        for (String rdn : dn.split(",")) {
            String r = rdn.trim();
            if (r.regionMatches(true, 0, "dicomDeviceName=", 0, 16)) {
                return r.substring(16);
            }
        }
        return null;
    }
}
