package org.arca.ejb.export.stow;

import java.util.Hashtable;
import java.util.Map;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.Connection;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.WebApplication;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * Finds a web application (dcmWebApp) by name on any device in LDAP, and turns it into where
 * to send: scheme, host and port of its first HTTP connection with a port, then its service
 * path. Read fresh for each task, so a changed peer needs no reload.
 */
public final class WebAppLocator {

    /** Where a web application is reached, and its dcmProperty settings. */
    public record Target(String baseUrl, Map<String, String> properties, Integer connectTimeout,
            Integer responseTimeout) {
    }

    private final Hashtable<String, Object> environment;

    public WebAppLocator(Hashtable<String, Object> environment) {
        this.environment = environment;
    }

    /** Null when no device has a web application of that name with a usable connection. */
    public Target find(String name) throws NamingException {
        LdapContext ctx = new InitialLdapContext(environment, null);
        try {
            String deviceName = null;
            SearchControls sc = new SearchControls();
            sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
            sc.setReturningAttributes(new String[] {"dcmWebAppName"});
            NamingEnumeration<SearchResult> e = ctx.search(Settings.DEVICES_ROOT,
                    "(&(objectClass=dcmWebApp)(dcmWebAppName={0}))", new Object[] {name}, sc);
            if (e.hasMore()) {
                deviceName = deviceNameOf(e.next().getNameInNamespace());
            }
            e.close();
            if (deviceName == null) {
                return null;
            }
            Device device = new LdapConfiguration(ctx, Settings.BASE_DN).loadDevice(deviceName).device();
            WebApplication app = device == null ? null : device.getWebApplication(name);
            return app == null ? null : target(device, app);
        } finally {
            ctx.close();
        }
    }

    static Target target(Device device, WebApplication app) {
        for (String cn : app.getConnectionNames()) {
            Connection c = device.getConnection(cn);
            if (c != null && c.getPort() != null && c.getProtocol() == Enums.Protocol.HTTP) {
                String path = app.getServicePath() == null ? "" : app.getServicePath();
                String url = (c.isTls() ? "https://" : "http://") + c.getHostname() + ':' + c.getPort()
                        + (path.startsWith("/") ? path : "/" + path);
                return new Target(url, app.getProperties(), c.getConnectTimeout(), c.getResponseTimeout());
            }
        }
        return null;
    }

    /** dcmWebAppName=X,dicomDeviceName=NAME,cn=Devices,... -> NAME */
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
