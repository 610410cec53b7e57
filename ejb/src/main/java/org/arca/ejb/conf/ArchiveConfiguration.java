package org.arca.ejb.conf;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.NamingException;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * This node's device as read from LDAP. Readers share one immutable snapshot; a reload
 * replaces it whole, so a request never sees half of an old and half of a new configuration.
 * Entries with wrong values are reported (DN and attribute) and left out; the rest is used.
 */
@Singleton
@Startup
@DependsOn("Directory")
public class ArchiveConfiguration {

    private static final Logger LOG = Logger.getLogger(ArchiveConfiguration.class.getName());

    @EJB
    private Directory directory;

    private volatile Device device;
    private volatile List<ConfigurationError> errors = List.of();

    @Inject
    private Event<ConfigurationReloaded> reloaded;

    @PostConstruct
    void load() {
        try {
            read();
        } catch (NamingException e) {
            // The archive still starts; health shows LDAP down and a reload retries.
            LOG.severe("Configuration of device " + Settings.deviceName() + " not loaded: " + e);
        }
    }

    /**
     * Reads the device again, makes it current and tells the services that hold state (the
     * DICOM server); returns what was wrong with it.
     */
    @Lock(LockType.WRITE)
    public List<ConfigurationError> reload() throws NamingException {
        List<ConfigurationError> result = read();
        reloaded.fire(new ConfigurationReloaded(device));
        return result;
    }

    private List<ConfigurationError> read() throws NamingException {
        LdapConfiguration ldap = LdapConfiguration.connect(directory.url(), Settings.ldapUser(), Settings.ldapPassword())
                .setStorageSchemes(InstalledStorageSchemes.get());
        try {
            LoadResult result = ldap.loadDevice(Settings.deviceName());
            for (ConfigurationError e : result.errors()) {
                LOG.warning("Configuration error: " + e);
            }
            device = result.device();
            errors = List.copyOf(result.errors());
            return errors;
        } finally {
            ldap.close();
        }
    }

    /** The current device; null only when it could never be loaded. */
    @Lock(LockType.READ)
    public Device device() {
        return device;
    }

    @Lock(LockType.READ)
    public List<ConfigurationError> errors() {
        return errors;
    }
}
