package org.arca.ejb.conf;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import javax.naming.NamingException;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.runtime.Settings;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.json.DeviceJson;
import org.arca.ldap.config.ldap.LdapConfiguration;

/**
 * Any device in LDAP, read fresh on each call: what the REST API shows is what LDAP holds
 * now, not this node's running snapshot.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeviceDirectory {

    @EJB
    private Directory directory;

    public List<String> names() throws NamingException {
        LdapConfiguration ldap = connect();
        try {
            return ldap.deviceNames();
        } finally {
            ldap.close();
        }
    }

    /** The device as JSON, or null when there is no such device. */
    public String json(String name) throws NamingException {
        LdapConfiguration ldap = connect();
        try {
            if (!ldap.deviceNames().contains(name)) {
                return null;
            }
            LoadResult result = ldap.loadDevice(name);
            return DeviceJson.write(result.device(), ldap.deviceDn(name));
        } finally {
            ldap.close();
        }
    }

    private LdapConfiguration connect() throws NamingException {
        return LdapConfiguration.connect(directory.url(), Settings.ldapUser(), Settings.ldapPassword())
                .setStorageSchemes(InstalledStorageSchemes.get());
    }
}
