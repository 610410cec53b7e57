package org.arca.ejb.conf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.arca.ldap.config.StorageSchemes;
import org.junit.jupiter.api.Test;

/**
 * The loader's storage schemes are the installed providers': the test class path carries a
 * third-party-style provider ({@code mem}, registered in META-INF/services like a vendor jar).
 */
class InstalledStorageSchemesTest {
    @Test
    void builtInAndServiceLoadedProvidersAreAcceptedOthersNot() {
        StorageSchemes s = InstalledStorageSchemes.get();
        assertTrue(s.accepts("file"), s.toString());
        assertTrue(s.accepts("jclouds"), s.toString());
        assertTrue(s.accepts("mem"), "a provider found by ServiceLoader: " + s);
        assertFalse(s.accepts("acme-vault"), s.toString());
    }
}
