package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ejb.store.StoreContext;
import org.arca.ejb.store.StoreService;
import org.arca.ejb.support.Databases;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider found on the class path by ServiceLoader serves a storage; usage figures come from the index. */
class ThirdPartyProviderTest {
    @TempDir
    Path tmp;

    @Test
    void providerOnTheClassPathIsFoundAndStoresInstances() throws Exception {
        Storages storages = new Storages();
        assertTrue(storages.schemes().containsAll(List.of("file", "jclouds", "mem")), storages.schemes().toString());
        StorageDescriptor mem = new StorageDescriptor("mem1", "mem:third-party").setDigestAlgorithm("SHA-1")
                .setPathFormat("{0020000D}/{0020000E}/{00080018}.dcm");
        assertInstanceOf(MemoryStorageProvider.MemoryStorage.class, storages.storage(mem));

        DataSource ds = Databases.create(Databases.Kind.H2, tmp);
        StoreService store = new StoreService(ds, storages, OverwritePolicy.NEVER);
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        assertEquals(Status.SUCCESS, store.store(new StoreContext("SCU", "ARCA", ct.sopClassUID(), ct.sopInstanceUID(),
                ct.transferSyntax()), mem, new ByteArrayInputStream(ct.dataSet())));
        Map<String, byte[]> objects = MemoryStorageProvider.STORES.get("third-party");
        assertEquals(1, objects.size());
        String path = objects.keySet().iterator().next();
        assertTrue(path.endsWith(ct.sopInstanceUID() + ".dcm"), path);
        Path copy = tmp.resolve("copy.dcm");
        try (InputStream in = storages.storage(mem).open(path)) {
            java.nio.file.Files.copy(in, copy);
        }
        assertArrayEquals(ct.dataSet(), Part10.read(copy).dataSet());

        // transforms wrap a third-party provider too
        StorageDescriptor sealed = new StorageDescriptor("mem2", "mem:sealed");
        sealed.getProperties().put("encryption-key", StorageKinds.KEY);
        storages.storage(sealed).store("x", new ByteArrayInputStream(ct.dataSet()));
        byte[] atRest = MemoryStorageProvider.STORES.get("sealed").get("x");
        assertEquals("AGCM", new String(atRest, 0, 4));
        try (InputStream in = storages.storage(sealed).open("x")) {
            assertArrayEquals(ct.dataSet(), in.readAllBytes());
        }

        StorageUsage.Usage usage = new StorageUsage(ds).of("mem1");
        assertEquals(1, usage.objects());
        assertEquals(objects.get(path).length, usage.bytes());
        assertEquals(Map.of("mem1", usage), new StorageUsage(ds).all());
        assertEquals(new StorageUsage.Usage("none", 0, 0), new StorageUsage(ds).of("none"));
    }
}
