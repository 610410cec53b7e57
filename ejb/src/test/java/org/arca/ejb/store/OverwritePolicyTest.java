package org.arca.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.arca.dicom.net.dimse.Status;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.ejb.storage.Storages;
import org.arca.ejb.support.Databases;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmOverwritePolicy with dcm4chee-arc's values: the decision, the per-AE resolution, and a store on H2. */
class OverwritePolicyTest {
    @TempDir
    Path tmp;

    @Test
    void decisionTable() {
        // stored copy: from MOD in series S1
        assertFalse(OverwritePolicy.NEVER.overwrites("MOD", "S1", "MOD", "S1"));
        assertTrue(OverwritePolicy.ALWAYS.overwrites("MOD", "S1", "OTHER", "S2"));
        assertTrue(OverwritePolicy.SAME_SOURCE.overwrites("MOD", "S1", "MOD", "S2"));
        assertFalse(OverwritePolicy.SAME_SOURCE.overwrites("MOD", "S1", "OTHER", "S1"));
        assertTrue(OverwritePolicy.SAME_SERIES.overwrites("MOD", "S1", "OTHER", "S1"));
        assertFalse(OverwritePolicy.SAME_SERIES.overwrites("MOD", "S1", "MOD", "S2"));
        assertTrue(OverwritePolicy.SAME_SOURCE_AND_SERIES.overwrites("MOD", "S1", "MOD", "S1"));
        assertFalse(OverwritePolicy.SAME_SOURCE_AND_SERIES.overwrites("MOD", "S1", "OTHER", "S1"));
        assertFalse(OverwritePolicy.SAME_SOURCE_AND_SERIES.overwrites("MOD", "S1", "MOD", "S2"));
    }

    @Test
    void aeOverridesDeviceWhichOverridesTheFallback() {
        Device d = new Device("arc").setArchiveDevice(true);
        d.addApplicationEntity(new ApplicationEntity("PLAIN"));
        d.addApplicationEntity(new ApplicationEntity("OVER").setOverwritePolicy(Enums.OverwritePolicy.ALWAYS));
        assertEquals(OverwritePolicy.NEVER, OverwritePolicies.of(d, OverwritePolicy.NEVER).forCalledAET("PLAIN"));
        d.setOverwritePolicy(Enums.OverwritePolicy.SAME_SERIES);
        OverwritePolicies p = OverwritePolicies.of(d, OverwritePolicy.NEVER);
        assertEquals(OverwritePolicy.SAME_SERIES, p.forCalledAET("PLAIN"));
        assertEquals(OverwritePolicy.ALWAYS, p.forCalledAET("OVER"));
        assertEquals(OverwritePolicy.SAME_SERIES, p.forCalledAET("NOT-CONFIGURED"));
    }

    @Test
    void sameSourceKeepsAnotherSendersCopyAndTakesTheSameSendersOne() throws Exception {
        DataSource ds = Databases.create(Databases.Kind.H2, tmp);
        Path fs = tmp.resolve("fs1");
        StorageDescriptor storage = new StorageDescriptor("fs1", fs.toUri().toString());
        Device d = new Device("arc").setArchiveDevice(true);
        d.addApplicationEntity(new ApplicationEntity("ARC").setOverwritePolicy(Enums.OverwritePolicy.SAME_SOURCE));
        StoreService svc = new StoreService(ds, new Storages(), OverwritePolicies.of(d, OverwritePolicy.NEVER));
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        byte[] v1 = ct.dataSet();
        byte[] v2 = v1.clone();
        v2[v2.length - 1] ^= 0x01; // a pixel value differs: same UIDs, other bytes

        assertEquals(Status.SUCCESS, svc.store(ctx("MOD", ct), storage, new ByteArrayInputStream(v1)));
        assertEquals(Status.SUCCESS, svc.store(ctx("OTHER", ct), storage, new ByteArrayInputStream(v2)));
        assertArrayEquals(v1, onlyStored(fs), "another source: the stored copy is kept");
        assertEquals(Status.SUCCESS, svc.store(ctx("MOD", ct), storage, new ByteArrayInputStream(v2)));
        assertArrayEquals(v2, onlyStored(fs), "same source: replaced");
    }

    private static StoreContext ctx(String calling, Part10 f) {
        return new StoreContext(calling, "ARC", f.sopClassUID(), f.sopInstanceUID(), f.transferSyntax());
    }

    private static byte[] onlyStored(Path fs) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(fs)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, files.size(), files.toString());
        return Part10.read(files.get(0)).dataSet();
    }
}
