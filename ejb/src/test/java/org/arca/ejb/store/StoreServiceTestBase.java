package org.arca.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.index.InstanceCounters;
import org.arca.ejb.storage.Storages;
import org.arca.ejb.support.Databases;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store pipeline against a real database (H2 or PostgreSQL, see the subclasses). */
abstract class StoreServiceTestBase {
    @TempDir
    Path tmp;
    DataSource ds;
    Path fs;
    StorageDescriptor storage;

    abstract Databases.Kind kind();

    @BeforeEach
    void setUp() throws Exception {
        ds = Databases.create(kind(), tmp);
        fs = tmp.resolve("fs1");
        storage = new StorageDescriptor("fs1", fs.toUri().toString()).setDigestAlgorithm("MD5")
                .setPathFormat("{0020000D,hash}/{0020000E,hash}/{00080018,hash}");
    }

    StoreService service(OverwritePolicy policy) {
        return new StoreService(ds, new Storages(), policy);
    }

    static StoreContext ctx(Part10 f) {
        return new StoreContext("MODALITY", "DCM4CHEE", f.sopClassUID(), f.sopInstanceUID(), f.transferSyntax());
    }

    @Test
    void storesTheDataSetBitExactAndIndexesAllLevels() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        assertEquals(Status.SUCCESS, service(OverwritePolicy.NEVER).store(ctx(ct), storage,
                new ByteArrayInputStream(ct.dataSet())));
        List<Path> files = files();
        assertEquals(1, files.size());
        Part10 stored = Part10.read(files.get(0));
        assertArrayEquals(ct.dataSet(), stored.dataSet(), "data set stored byte for byte");
        assertEquals(ct.transferSyntax(), stored.transferSyntax());
        assertEquals(1, count("patient"));
        assertEquals(1, count("study"));
        assertEquals(1, count("series"));
        assertEquals(1, count("instance"));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(files.get(0))));
        assertEquals(md5, single("SELECT digest FROM location"));
        assertEquals(fs.relativize(files.get(0)).toString(), single("SELECT storage_path FROM location"));
        assertEquals(String.valueOf(Files.size(files.get(0))), single("SELECT object_size FROM location"));
        assertEquals("CT", single("SELECT modality FROM series"));
        assertEquals("\\CT\\", single("SELECT mods_in_study FROM study"));
        assertEquals("1", single("SELECT num_instances FROM study"));
        assertEquals("CompressedSamples^CT1", single("SELECT pat_name FROM patient"));
        assertEquals("COMPRESSEDSAMPLES^CT1", single("SELECT pat_name_norm FROM patient"));
    }

    @Test
    void duplicateIsAnsweredSuccessAndTheFirstCopyKept() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        StoreService svc = service(OverwritePolicy.NEVER);
        svc.store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet()));
        long first = Files.getLastModifiedTime(files().get(0)).toMillis();
        assertEquals(Status.SUCCESS, svc.store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet())));
        assertEquals(1, files().size());
        assertEquals(first, Files.getLastModifiedTime(files().get(0)).toMillis());
        assertEquals(1, count("instance"));
        assertEquals(1, count("location"));
        assertEquals("1", single("SELECT num_instances FROM series"));
    }

    @Test
    void overwriteAlwaysReplacesObjectAndRow() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        StoreService svc = service(OverwritePolicy.ALWAYS);
        svc.store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet()));
        String firstPk = single("SELECT pk FROM instance");
        svc.store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet()));
        assertEquals(1, files().size(), "old object removed, new one kept");
        assertEquals(1, count("instance"));
        assertTrue(!firstPk.equals(single("SELECT pk FROM instance")));
        assertEquals("1", single("SELECT num_instances FROM study"));
    }

    @Test
    void readOnlyStorageGivesOutOfResourcesAndLeavesNothing() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        storage.setReadOnly(true);
        DicomServiceException e = assertThrows(DicomServiceException.class, () ->
                service(OverwritePolicy.NEVER).store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet())));
        assertEquals(Status.OUT_OF_RESOURCES, e.status());
        assertEquals(0, count("instance"));
    }

    @Test
    void unwritableStorageGivesOutOfResourcesAndLeavesNothing() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        Files.writeString(fs.getParent().resolve("not-a-dir"), "x");
        storage.setUri(fs.getParent().resolve("not-a-dir").resolve("fs1").toUri().toString());
        DicomServiceException e = assertThrows(DicomServiceException.class, () ->
                service(OverwritePolicy.NEVER).store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet())));
        assertEquals(Status.OUT_OF_RESOURCES, e.status());
        assertNotNull(e.getMessage());
        assertEquals(0, count("patient"));
        assertEquals(0, count("instance"));
    }

    @Test
    void unparseableDataSetGivesCannotUnderstandAndLeavesNothing() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        byte[] garbage = ct.dataSet().clone();
        // the first element's length made absurd: parsing must fail before the end
        garbage[6] = (byte) 0xFF;
        garbage[7] = (byte) 0x7F;
        DicomServiceException e = assertThrows(DicomServiceException.class, () ->
                service(OverwritePolicy.NEVER).store(ctx(ct), storage, new ByteArrayInputStream(garbage)));
        assertEquals(Status.UNABLE_TO_PROCESS, e.status(), e.getMessage());
        assertEquals(0, files().size());
        assertEquals(0, count("instance"));
    }

    @Test
    void unreachableDatabaseGivesProcessingFailureAndRemovesTheObject() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        DataSource down = Databases.unreachable(kind());
        StoreService svc = new StoreService(down, new Storages(), OverwritePolicy.NEVER);
        DicomServiceException e = assertThrows(DicomServiceException.class, () ->
                svc.store(ctx(ct), storage, new ByteArrayInputStream(ct.dataSet())));
        assertEquals(Status.PROCESSING_FAILURE, e.status());
        assertEquals(0, files().size());
    }

    @Test
    void brokenStreamLeavesNoObjectAndNoRow() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        InputStream broken = new InputStream() {
            final ByteArrayInputStream in = new ByteArrayInputStream(ct.dataSet(), 0, ct.dataSet().length / 2);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("A-ABORT");
                }
                return b;
            }
        };
        assertThrows(IOException.class, () -> service(OverwritePolicy.NEVER).store(ctx(ct), storage, broken));
        assertEquals(0, files().size());
        assertEquals(0, count("instance"));
    }

    @Test
    void missingSeriesUidIsRefused() throws Exception {
        Part10 f = Part10.read(Dcmtk.sample("CT_small.dcm"));
        org.arca.dicom.data.Attributes a;
        try (org.arca.dicom.io.DicomInputStream in = new org.arca.dicom.io.DicomInputStream(
                new ByteArrayInputStream(f.dataSet()), org.arca.dicom.io.TransferSyntax.of(f.transferSyntax()))) {
            a = in.readDataset();
        }
        a.remove(org.arca.dicom.dict.Tag.SeriesInstanceUID);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.arca.dicom.io.DicomOutputStream out = new org.arca.dicom.io.DicomOutputStream(bytes)) {
            out.writeDataset(a, org.arca.dicom.io.TransferSyntax.of(f.transferSyntax()));
        }
        DicomServiceException e = assertThrows(DicomServiceException.class, () ->
                service(OverwritePolicy.NEVER).store(ctx(f), storage, new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, e.status());
        assertEquals(0, files().size());
    }

    @Test
    void concurrentStoresIntoOneNewStudyCountCorrectly() throws Exception {
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        org.arca.dicom.data.Attributes a;
        try (org.arca.dicom.io.DicomInputStream in = new org.arca.dicom.io.DicomInputStream(
                new ByteArrayInputStream(ct.dataSet()), org.arca.dicom.io.TransferSyntax.of(ct.transferSyntax()))) {
            a = in.readDataset();
        }
        StoreService svc = service(OverwritePolicy.NEVER);
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String iuid = "1.2.3.4." + i;
            a.setString(org.arca.dicom.dict.Tag.SOPInstanceUID, org.arca.dicom.data.VR.UI, iuid);
            a.setString(org.arca.dicom.dict.Tag.SeriesInstanceUID, org.arca.dicom.data.VR.UI, "1.2.3.5." + (i % 3));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (org.arca.dicom.io.DicomOutputStream out = new org.arca.dicom.io.DicomOutputStream(bytes)) {
                out.writeDataset(a, org.arca.dicom.io.TransferSyntax.of(ct.transferSyntax()));
            }
            StoreContext c = new StoreContext("M", "DCM4CHEE", ct.sopClassUID(), iuid, ct.transferSyntax());
            results.add(pool.submit(() -> svc.store(c, storage, new ByteArrayInputStream(bytes.toByteArray()))));
        }
        for (Future<Integer> r : results) {
            assertEquals(Status.SUCCESS, r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, count("patient"));
        assertEquals(1, count("study"));
        assertEquals(3, count("series"));
        assertEquals(String.valueOf(n), single("SELECT num_instances FROM study"));
        assertEquals("3", single("SELECT num_series FROM study"));
        assertEquals("1", single("SELECT num_studies FROM patient"));
        assertEquals(String.valueOf(n), single("SELECT SUM(num_instances) FROM series"));
        assertEquals(n, files().size());
    }

    @Test
    void countersACrashLostAreRebuiltAtStart() throws Exception {
        concurrentStoresIntoOneNewStudyCountCorrectly();
        java.sql.Timestamp before = new java.sql.Timestamp(System.currentTimeMillis() - 60_000);
        java.sql.Timestamp after = new java.sql.Timestamp(System.currentTimeMillis() + 60_000);
        String studyUpdated = single("SELECT updated_time FROM study");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // what a kill -9 leaves when the counters of the last stores were not yet applied
            s.executeUpdate("UPDATE series SET num_instances = 1, updated_time = created_time");
            s.executeUpdate("UPDATE study SET num_instances = 2, updated_time = created_time");
            assertEquals(0, InstanceCounters.recount(c, after), "nothing indexed since then");
            assertEquals("2", single("SELECT num_instances FROM study"));
            assertEquals(3, InstanceCounters.recount(c, before));
        }
        assertEquals("24", single("SELECT num_instances FROM study"));
        assertEquals("8", single("SELECT MIN(num_instances) FROM series"));
        assertEquals("8", single("SELECT MAX(num_instances) FROM series"));
        assertEquals(studyUpdated, single("SELECT updated_time FROM study"), "updated_time: the newest instance's");
    }

    List<Path> files() throws IOException {
        if (!Files.exists(fs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(fs)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    int count(String table) throws Exception {
        return Integer.parseInt(single("SELECT COUNT(*) FROM " + table));
    }

    String single(String sql) throws Exception {
        InstanceCounters.awaitAll(); // the counters follow the store transactions
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
