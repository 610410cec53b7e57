package org.arca.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.ejb.storage.Storages;
import org.arca.ejb.support.Databases;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash can leave in a file-system storage, put right against the index (H2). */
class StoreReconciliationTest {
    @TempDir
    Path tmp;

    @Test
    void removesTemporaryAndUnindexedFilesAndMarksRowsWithoutFile() throws Exception {
        DataSource ds = Databases.create(Databases.Kind.H2, tmp);
        Path fs = tmp.resolve("fs1");
        StorageDescriptor sd = new StorageDescriptor("fs1", fs.toUri().toString()).setDigestAlgorithm("MD5")
                .setPathFormat("{0020000D,hash}/{0020000E,hash}/{00080018,hash}");
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        Part10 mr = Part10.read(Dcmtk.sample("MR_small.dcm"));
        StoreService store = new StoreService(ds, new Storages(), OverwritePolicy.NEVER);
        store.store(new StoreContext("M", "DCM4CHEE", ct.sopClassUID(), ct.sopInstanceUID(), ct.transferSyntax()),
                sd, new ByteArrayInputStream(ct.dataSet()));
        store.store(new StoreContext("M", "DCM4CHEE", mr.sopClassUID(), mr.sopInstanceUID(), mr.transferSyntax()),
                sd, new ByteArrayInputStream(mr.dataSet()));
        String ctPath = single(ds, "SELECT storage_path FROM location l JOIN instance i ON l.instance_fk = i.pk"
                + " WHERE i.sop_iuid = '" + ct.sopInstanceUID() + "'");
        String mrPath = single(ds, "SELECT storage_path FROM location l JOIN instance i ON l.instance_fk = i.pk"
                + " WHERE i.sop_iuid = '" + mr.sopInstanceUID() + "'");

        // what a crash leaves: a temporary file, a linked file never indexed; and a lost file
        Path temp = Files.createDirectories(fs.resolve("AB/CD")).resolve(".X.1234" + ".part");
        Files.write(temp, new byte[10]);
        Path orphan = fs.resolve("AB/CD/EF");
        Files.write(orphan, new byte[20]);
        Files.delete(fs.resolve(mrPath));
        Instant before = Instant.now().plusSeconds(1);
        // a file of the current run (newer than its start) is not touched, indexed or not
        Path current = fs.resolve("AB/current");
        Files.write(current, new byte[5]);
        Files.setLastModifiedTime(current, FileTime.from(before.plusSeconds(5)));

        StoreReconciliation.Report r = new StoreReconciliation(ds).reconcile("fs1", fs, Instant.EPOCH, before);
        assertEquals(1, r.temporaryRemoved(), r.toString());
        assertEquals(List.of("AB/CD/EF"), r.unindexedRemoved());
        assertEquals(List.of(mrPath), r.rowsWithoutFile());
        assertFalse(Files.exists(temp));
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(fs.resolve("AB/CD")), "emptied directories go too");
        assertTrue(Files.exists(current));
        assertTrue(Files.exists(fs.resolve(ctPath)));
        assertEquals("2", single(ds, "SELECT status FROM location WHERE storage_path = '" + mrPath + "'"));
        assertEquals("0", single(ds, "SELECT status FROM location WHERE storage_path = '" + ctPath + "'"));

        // a window that starts after the files were written looks at none of them again
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, new byte[20]);
        Files.setLastModifiedTime(orphan, FileTime.from(before.minusSeconds(3600)));
        StoreReconciliation.Report later = new StoreReconciliation(ds).reconcile("fs1", fs, before.minusSeconds(60), before);
        assertEquals(List.of(), later.unindexedRemoved(), later.toString());
        assertTrue(Files.exists(orphan));
    }

    private static String single(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
