package org.arca.ldap.config.ldap;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import javax.naming.Context;
import javax.naming.NameAlreadyBoundException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.ModificationItem;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.PagedResultsControl;
import javax.naming.ldap.PagedResultsResponseControl;

import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.StorageSchemes;
import org.arca.ldap.config.WebApplication;

/**
 * The DICOM configuration in an LDAP server, over JNDI: load a device with everything below it,
 * write changes back as the smallest set of operations, keep the registries of unique AE titles
 * and web application names. Not thread-safe: one instance per caller, like the JNDI context.
 */
public final class LdapConfiguration implements AutoCloseable {

    public static final String DEFAULT_BASE_DN = "dc=dcm4che,dc=org";
    public static final String CONFIG_ROOT_RDN = "cn=DICOM Configuration";

    private static final int PAGE_SIZE = 500;

    private final LdapContext ctx;
    private final String devicesDn;
    private final String aetRegistryDn;
    private final String webAppRegistryDn;
    private StorageSchemes storageSchemes = StorageSchemes.BUILT_IN;
    private final MisspelledRoot misspelledRoot;

    public LdapConfiguration(LdapContext ctx, String baseDn) {
        this.ctx = ctx;
        String root = CONFIG_ROOT_RDN + ',' + baseDn;
        this.devicesDn = "cn=Devices," + root;
        this.aetRegistryDn = "cn=Unique AE Titles Registry," + root;
        this.webAppRegistryDn = "cn=Unique Web Application Names Registry," + root;
        this.misspelledRoot = new MisspelledRoot(baseDn);
    }

    /**
     * Connects with simple authentication. The URL may carry the base DN as in ARCA_LDAP_URL
     * ({@code ldap://host:389/dc=dcm4che,dc=org}); without one, dc=dcm4che,dc=org is used.
     */
    public static LdapConfiguration connect(String url, String bindDn, String password) throws NamingException {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String baseDn = path.length() > 1 ? URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8) : DEFAULT_BASE_DN;
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, uri.getScheme() + "://" + uri.getRawAuthority());
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, bindDn);
        env.put(Context.SECURITY_CREDENTIALS, password);
        env.put("java.naming.ldap.attributes.binary", "dicomVendorData");
        return new LdapConfiguration(new InitialLdapContext(env, null), baseDn);
    }

    /** The storage URI schemes loads accept: the archive passes those of its installed providers. */
    public LdapConfiguration setStorageSchemes(StorageSchemes schemes) {
        this.storageSchemes = schemes;
        return this;
    }

    public String deviceDn(String name) {
        return Dns.child(devicesDn, "dicomDeviceName", name);
    }

    public List<String> deviceNames() throws NamingException {
        List<String> names = new ArrayList<>();
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.ONELEVEL_SCOPE);
        sc.setReturningAttributes(new String[] {"dicomDeviceName"});
        NamingEnumeration<SearchResult> e = ctx.search(devicesDn, "(objectClass=dicomDevice)", sc);
        while (e.hasMore()) names.add((String) e.next().getAttributes().get("dicomDeviceName").get());
        return names;
    }

    /**
     * One subtree search, then DeviceReader; bad entries end up in {@link LoadResult#errors()}.
     * Paged (RFC 2696) when the server caps result sizes (OpenLDAP 500, ApacheDS 1,000 by
     * default, except for their administrators) and a device has more entries than that.
     * Entries that LDIF from the dcm4chee-arc wiki put below the misspelled
     * "cn=DICOMConfiguration" are read as if they were below the device (see {@link MisspelledRoot}).
     */
    public LoadResult loadDevice(String name) throws NamingException {
        String dn = deviceDn(name);
        List<DeviceReader.Entry> entries = new ArrayList<>();
        try {
            entries.addAll(subtree(dn));
        } catch (NameNotFoundException e) {
            // DeviceReader reports the missing device
        }
        List<ConfigurationError> notes = new ArrayList<>();
        if (!entries.isEmpty()) {
            try {
                entries = misspelledRoot.merge(dn, entries, subtree(misspelledRoot.deviceDn(name)), notes);
            } catch (NameNotFoundException e) {
                // no such tree: the usual case
            }
        }
        LoadResult r = DeviceReader.read(dn, entries, storageSchemes);
        if (notes.isEmpty()) return r;
        notes.addAll(r.errors());
        return new LoadResult(r.device(), notes);
    }

    /**
     * The entries of a subtree: one plain search, or pages when the server caps the result
     * size. Not paged from the start: the embedded ApacheDS, while another connection runs a
     * paged search, now and then leaves a just-added entry out of a paged result
     * (LdapConfigurationConcurrencyTest), which made a freshly added C-MOVE destination unknown.
     */
    private List<DeviceReader.Entry> subtree(String dn) throws NamingException {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        List<DeviceReader.Entry> entries = new ArrayList<>();
        try {
            addAll(ctx.search(dn, "(objectClass=*)", sc), entries);
            return entries;
        } catch (SizeLimitExceededException capped) {
            entries.clear();
        }
        try {
            byte[] cookie = null;
            do {
                ctx.setRequestControls(new Control[] {new PagedResultsControl(PAGE_SIZE, cookie, Control.NONCRITICAL)});
                addAll(ctx.search(dn, "(objectClass=*)", sc), entries);
                cookie = nextCookie(ctx.getResponseControls());
            } while (cookie != null && cookie.length > 0);
        } catch (IOException e) {
            throw (NamingException) new NamingException("paged search control: " + e.getMessage()).initCause(e);
        } finally {
            ctx.setRequestControls(null);
        }
        return entries;
    }

    private static void addAll(NamingEnumeration<SearchResult> results, List<DeviceReader.Entry> entries)
            throws NamingException {
        while (results.hasMore()) {
            SearchResult r = results.next();
            entries.add(new DeviceReader.Entry(r.getNameInNamespace(), r.getAttributes()));
        }
    }

    private static byte[] nextCookie(Control[] controls) {
        if (controls != null)
            for (Control c : controls)
                if (c instanceof PagedResultsResponseControl p) return p.getCookie();
        return null;
    }

    /**
     * Writes what changed from {@code before} (as loaded, or null for a new device) to
     * {@code after}, registers new AE titles and web application names first (failing before
     * any other change if one is taken) and unregisters removed ones last.
     * @return the operations applied, for the log
     */
    public List<Change> store(Device before, Device after) throws NamingException {
        String dn = deviceDn(after.getName());
        List<Change> changes = ImageDiff.diff(dn, before == null ? null : DeviceMapping.image(before, dn),
                DeviceMapping.image(after, dn));
        Set<String> oldAets = aets(before), newAets = aets(after);
        Set<String> oldWebApps = webApps(before), newWebApps = webApps(after);
        List<String> registered = new ArrayList<>();
        try {
            for (String aet : minus(newAets, oldAets))
                registered.add(register(aetRegistryDn, "dicomAETitle", aet, "dicomUniqueAETitle"));
            for (String w : minus(newWebApps, oldWebApps))
                registered.add(register(webAppRegistryDn, "dcmWebAppName", w, "dcmUniqueWebAppName"));
        } catch (NamingException e) {
            for (String r : registered) ctx.destroySubcontext(r);
            throw e;
        }
        for (Change c : changes) apply(c);
        for (String aet : minus(oldAets, newAets)) unregister(Dns.child(aetRegistryDn, "dicomAETitle", aet));
        for (String w : minus(oldWebApps, newWebApps)) unregister(Dns.child(webAppRegistryDn, "dcmWebAppName", w));
        return changes;
    }

    /** Removes a device with everything below it and its registry entries. */
    public void removeDevice(Device device) throws NamingException {
        deleteSubtree(deviceDn(device.getName()));
        for (String aet : aets(device)) unregister(Dns.child(aetRegistryDn, "dicomAETitle", aet));
        for (String w : webApps(device)) unregister(Dns.child(webAppRegistryDn, "dcmWebAppName", w));
    }

    public boolean isAETitleRegistered(String aet) throws NamingException {
        try {
            ctx.getAttributes(Dns.child(aetRegistryDn, "dicomAETitle", aet), new String[0]);
            return true;
        } catch (NameNotFoundException e) {
            return false;
        }
    }

    private void apply(Change c) throws NamingException {
        try {
            applyAt(c, c.dn());
        } catch (NameNotFoundException e) {
            // an entry that was read from the misspelled tree is changed where it is
            String there = c.type() == Change.Type.ADD ? null : misspelledRoot.locate(c.dn(), devicesDn);
            if (there == null) throw e;
            applyAt(c, there);
        }
    }

    private void applyAt(Change c, String dn) throws NamingException {
        switch (c.type()) {
            case ADD -> ctx.createSubcontext(dn, c.attributes()).close();
            case MODIFY -> ctx.modifyAttributes(dn, c.modifications().toArray(ModificationItem[]::new));
            case DELETE -> deleteSubtree(dn);
        }
    }

    /** Children first; also removes entries the model does not map (they belong to the deleted object). */
    private void deleteSubtree(String dn) throws NamingException {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.ONELEVEL_SCOPE);
        sc.setReturningAttributes(new String[0]);
        List<String> children = new ArrayList<>();
        NamingEnumeration<SearchResult> e = ctx.search(dn, "(objectClass=*)", sc);
        while (e.hasMore()) children.add(e.next().getNameInNamespace());
        for (String child : children) deleteSubtree(child);
        ctx.destroySubcontext(dn);
    }

    private String register(String registryDn, String type, String value, String objectClass) throws NamingException {
        String dn = Dns.child(registryDn, type, value);
        Attributes attrs = new BasicAttributes(true);
        attrs.put("objectClass", objectClass);
        attrs.put(type, value);
        try {
            ctx.createSubcontext(dn, attrs).close();
        } catch (NameAlreadyBoundException e) {
            NameAlreadyBoundException ex = new NameAlreadyBoundException(type + " '" + value + "' is already in use");
            ex.initCause(e);
            throw ex;
        }
        return dn;
    }

    private void unregister(String dn) throws NamingException {
        try {
            ctx.destroySubcontext(dn);
        } catch (NameNotFoundException ignored) {
            // already gone: the goal is reached
        }
    }

    private static Set<String> aets(Device d) {
        Set<String> s = new HashSet<>();
        if (d != null) for (ApplicationEntity ae : d.getApplicationEntities()) s.add(ae.getAeTitle());
        return s;
    }

    private static Set<String> webApps(Device d) {
        Set<String> s = new HashSet<>();
        if (d != null) for (WebApplication w : d.getWebApplications()) s.add(w.getName());
        return s;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.removeAll(b);
        return s;
    }

    @Override
    public void close() throws NamingException {
        ctx.close();
    }
}
