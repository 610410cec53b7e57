package org.arca.dicomweb.conf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.PagedResultsControl;
import javax.naming.ldap.PagedResultsResponseControl;
import org.arca.ldap.config.ldap.DeviceReader;

/**
 * A device's subtree as raw LDAP entries (one paged subtree search, as the loader does), so that
 * an edit can be applied to the entries and the result read by the very loader that reads the
 * configuration at start: one set of validation rules.
 */
final class DeviceEntries {

    private DeviceEntries() {
    }

    /** The entries, or an empty list when the device does not exist. */
    static List<DeviceReader.Entry> read(Hashtable<String, Object> environment, String deviceDn) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>(environment);
        env.put("java.naming.ldap.attributes.binary", "dicomVendorData");
        LdapContext ctx = new InitialLdapContext(env, null);
        List<DeviceReader.Entry> entries = new ArrayList<>();
        try {
            SearchControls sc = new SearchControls();
            sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
            byte[] cookie = null;
            do {
                ctx.setRequestControls(new Control[] {new PagedResultsControl(500, cookie, Control.NONCRITICAL)});
                NamingEnumeration<SearchResult> e = ctx.search(deviceDn, "(objectClass=*)", sc);
                while (e.hasMore()) {
                    SearchResult r = e.next();
                    entries.add(new DeviceReader.Entry(r.getNameInNamespace(), r.getAttributes()));
                }
                cookie = null;
                Control[] controls = ctx.getResponseControls();
                if (controls != null) {
                    for (Control c : controls) {
                        if (c instanceof PagedResultsResponseControl p) {
                            cookie = p.getCookie();
                        }
                    }
                }
            } while (cookie != null && cookie.length > 0);
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw (NamingException) new NamingException("paged search control: " + e.getMessage()).initCause(e);
        } finally {
            ctx.close();
        }
        return entries;
    }
}
