package org.arca.ejb.runtime;

import java.nio.file.Path;

/**
 * The few settings that come from the environment rather than LDAP: where data lives,
 * which device this node is, and which external services replace the embedded ones.
 * A system property (set by {@code ./arca run} or a test) wins over the environment variable.
 */
public final class Settings {

    public static final String BASE_DN = "dc=dcm4che,dc=org";
    public static final String CONFIG_ROOT = "cn=DICOM Configuration," + BASE_DN;
    public static final String DEVICES_ROOT = "cn=Devices," + CONFIG_ROOT;

    private Settings() {
    }

    public static Path dataDir() {
        return Path.of(value("arca.data.dir", "ARCA_DATA_DIR", "data")).toAbsolutePath().normalize();
    }

    public static String deviceName() {
        return value("arca.device.name", "ARCA_DEVICE_NAME", "dcm4chee-arc");
    }

    /** The external LDAP server, or null when the embedded one serves. */
    public static String ldapUrl() {
        return value("arca.ldap.url", "ARCA_LDAP_URL", null);
    }

    public static String ldapUser() {
        return value("arca.ldap.user", "ARCA_LDAP_USER", "cn=admin," + BASE_DN);
    }

    public static String ldapPassword() {
        return value("arca.ldap.password", "ARCA_LDAP_PASSWORD", "secret");
    }

    public static String bindAddress() {
        return value("arca.bind.address", "ARCA_BIND_ADDRESS", "127.0.0.1");
    }

    public static int embeddedLdapPort() {
        return Integer.parseInt(value("arca.ldap.port", "ARCA_LDAP_PORT", "10389"));
    }

    static String value(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isEmpty() ? fallback : v;
    }
}
