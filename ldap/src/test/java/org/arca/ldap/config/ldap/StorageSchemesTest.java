package org.arca.ldap.config.ldap;

import static org.arca.ldap.config.ldap.DeviceReaderTest.DEV;
import static org.arca.ldap.config.ldap.DeviceReaderTest.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.arca.ldap.config.ConfigurationError;
import org.arca.ldap.config.LoadResult;
import org.arca.ldap.config.StorageSchemes;
import org.junit.jupiter.api.Test;

/** The storage URI schemes come from the runtime's installed providers, not from a fixed list. */
class StorageSchemesTest {

    static List<DeviceReader.Entry> device() {
        return List.of(
                entry(DEV, "objectClass", "dicomDevice", "dicomDeviceName", "arc", "dicomInstalled", "TRUE"),
                entry("dcmStorageID=fs1," + DEV, "objectClass", "dcmStorage", "dcmStorageID", "fs1",
                        "dcmURI", "file:/tmp/fs1/"),
                entry("dcmStorageID=vendor," + DEV, "objectClass", "dcmStorage", "dcmStorageID", "vendor",
                        "dcmURI", "acme-vault:bucket7", "dcmProperty", "region=north"),
                entry("dcmQueueName=Export1," + DEV, "objectClass", "dcmQueue", "dcmQueueName", "Export1"));
    }

    @Test
    void schemeOfAnInstalledThirdPartyProviderIsAccepted() {
        LoadResult r = DeviceReader.read(DEV, device(), StorageSchemes.of(List.of("file", "acme-vault")));
        assertEquals(List.of(), r.errors());
        assertEquals("acme-vault", r.device().getStorage("vendor").getScheme());
        assertEquals("north", r.device().getStorage("vendor").getProperties().get("region"));
    }

    @Test
    void schemeWithoutProviderIsReportedWithDnAndAttributeAndTheRestLoads() {
        LoadResult r = DeviceReader.read(DEV, device(), StorageSchemes.of(List.of("file", "jclouds")));
        assertNull(r.device().getStorage("vendor"));
        assertNotNull(r.device().getStorage("fs1"));
        assertNotNull(r.device().getQueue("Export1"));
        assertEquals(List.of(new ConfigurationError("dcmStorageID=vendor," + DEV, "dcmURI",
                "no storage provider for the URI scheme of 'acme-vault:bucket7', installed: [file, jclouds]")), r.errors());
    }

    @Test
    void withoutRuntimeTheBuiltInSchemesApply() {
        LoadResult r = DeviceReader.read(DEV, device());
        assertNull(r.device().getStorage("vendor"));
        assertEquals("dcmURI", r.errors().get(0).attribute());
    }
}
