package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.net.dimse.DicomServiceException;
import org.arca.dicom.net.dimse.Status;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.ejb.store.StoreContext;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-STORE with DCMTK into an AE whose objects go to S3, then C-MOVE and C-GET back. */
class S3StoreRetrieveTest extends S3ArchiveTestBase {
    static final String[] SAMPLES = {"CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "rtplan.dcm"};

    @TempDir
    Path tmp;

    StorageDescriptor s3Storage(String id, String bucket) {
        StorageDescriptor d = s3.descriptor(id, bucket).setDigestAlgorithm("MD5").setPathFormat(STUDY_SERIES_INSTANCE);
        return d;
    }

    static String uid(String sample, int tag) throws Exception {
        try (DicomInputStream in = new DicomInputStream(Dcmtk.sample(sample))) {
            return in.readDataset(Tag.PixelData).getString(tag);
        }
    }

    void dcmsend(String aet) throws Exception {
        List<String> args = new ArrayList<>(List.of("-aec", aet, "-dn", "-nuc", "127.0.0.1", port()));
        for (String s : SAMPLES) {
            args.add(Dcmtk.sample(s).toString());
        }
        Dcmtk.Result r = Dcmtk.run(60, "dcmsend", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
    }

    /** Every retrieved file carries the data set stored in {@code storage}, byte for byte. */
    void assertReceivedAsStored(Path dir, int expected, StorageDescriptor storage, String output) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(expected, files.size(), output);
        Storage st = new Storages().storage(storage);
        for (Path f : files) {
            Part10 got = Part10.read(f);
            Path copy = tmp.resolve("stored-" + got.sopInstanceUID());
            try (InputStream in = st.open(storagePath(got.sopInstanceUID()))) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Part10 stored = Part10.read(copy);
            assertEquals(stored.transferSyntax(), got.transferSyntax());
            assertArrayEquals(stored.dataSet(), got.dataSet(), "retrieved data set differs from the stored one: " + f);
        }
    }

    String storagePath(String iuid) throws Exception {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(
                "SELECT l.storage_path FROM location l JOIN instance i ON i.pk = l.instance_fk WHERE i.sop_iuid = ?")) {
            ps.setString(1, iuid);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no location for " + iuid);
                return rs.getString(1);
            }
        }
    }

    /** C-MOVE of studies from {@code aet} to a DCMTK storescp that accepts every syntax; returns its directory. */
    Path move(String aet, String studies) throws Exception {
        int port = S3Proxy.freePort();
        Path moved = Files.createTempDirectory(tmp, "moved");
        destinations.clear(); // the class shares one instance: drop the previous test's port
        destinations.add(new MoveDestination("STORESCP", "127.0.0.1", port));
        try (Dcmtk.Server scp = Dcmtk.startServer(port, "storescp", "+B", "+xa", "-aet", "STORESCP",
                "-od", moved.toString(), String.valueOf(port))) {
            Dcmtk.Result r = Dcmtk.run(60, "movescu", "-S", "-aec", aet, "-aem", "STORESCP",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studies, "127.0.0.1", port());
            assertEquals(0, r.exitCode(), r.output() + scp.log());
        }
        return moved;
    }

    static String allStudies() throws Exception {
        StringBuilder studies = new StringBuilder();
        for (String s : SAMPLES) {
            studies.append(studies.length() == 0 ? "" : "\\").append(uid(s, Tag.StudyInstanceUID));
        }
        return studies.toString();
    }

    @Test
    void storeToS3ThenMoveAndGetBackByteIdentical() throws Exception {
        StorageDescriptor d = s3Storage("s3", "archive-objects");
        startArchive(tmp, d);
        dcmsend("S3");
        assertEquals(SAMPLES.length, count("instance"));

        // the bucket holds exactly the indexed objects, at study/series/instance.dcm keys
        TreeSet<String> expectedKeys = new TreeSet<>();
        for (String s : SAMPLES) {
            expectedKeys.add(uid(s, Tag.StudyInstanceUID) + "/" + uid(s, Tag.SeriesInstanceUID) + "/"
                    + uid(s, Tag.SOPInstanceUID) + ".dcm");
        }
        Storage bucket = new Storages().storage(d);
        try (Stream<String> keys = bucket.objects("")) {
            assertEquals(expectedKeys, new TreeSet<>(keys.toList()));
        }
        assertEquals(new ArrayList<>(expectedKeys), storagePaths());
        for (String key : expectedKeys) {
            try (InputStream in = bucket.open(key)) {
                byte[] head = in.readNBytes(132);
                assertEquals("DICM", new String(head, 128, 4), "a Part 10 file: " + key);
            }
        }

        assertReceivedAsStored(move("S3", allStudies()), SAMPLES.length, d, "C-MOVE");

        Path got = Files.createDirectories(tmp.resolve("got"));
        Dcmtk.Result r = Dcmtk.run(60, "getscu", "+B", "-S", "-aec", "S3", "-od", got.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + uid("CT_small.dcm", Tag.StudyInstanceUID),
                "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
        assertReceivedAsStored(got, 1, d, r.output());
    }

    @Test
    void encryptedCompressedS3StorageRetrievesTheSameBytes() throws Exception {
        StorageDescriptor d = s3Storage("s3x", "archive-encrypted");
        d.getProperties().put("compression", "deflate");
        d.getProperties().put("encryption-key", StorageKinds.KEY);
        startArchive(tmp, d);
        dcmsend("S3X");
        assertReceivedAsStored(move("S3X", allStudies()), SAMPLES.length, d, "C-MOVE");
        // at rest the bucket holds neither the DICM preamble nor any UID in clear
        StorageDescriptor bare = s3.descriptor("bare", "archive-encrypted");
        Storage raw = new Storages().storage(bare);
        for (String key : storagePaths()) {
            byte[] stored;
            try (InputStream in = raw.open(key)) {
                stored = in.readAllBytes();
            }
            String text = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("AGCM"), key);
            assertTrue(!text.contains("DICM") && !text.contains(key.substring(key.lastIndexOf('/') + 1, key.length() - 4)));
        }
    }

    @Test
    void s3UnreachableGivesOutOfResourcesAndIndexesNothing() throws Exception {
        StorageDescriptor down = new StorageDescriptor("down", "jclouds:s3:http://127.0.0.1:" + S3Proxy.freePort())
                .setPathFormat(STUDY_SERIES_INSTANCE);
        down.getProperties().putAll(Map.of("container", "nowhere", "identity", "a", "credential", "b",
                "jclouds.max-retries", "0"));
        StorageDescriptor refused = s3Storage("refused", "archive-refused");
        refused.getProperties().put("credential", "wrong");
        refused.getProperties().put("containerExists", "true");
        startArchive(tmp, down, refused);
        for (String aet : List.of("DOWN", "REFUSED")) {
            Dcmtk.Result r = Dcmtk.run(60, "storescu", "-v", "-aec", aet, "127.0.0.1", port(),
                    Dcmtk.sample("CT_small.dcm").toString());
            assertTrue(r.output().contains("Received Store Response (Refused: OutOfResources)"), aet + ":\n" + r.output());
        }
        // the exact status, from the store service behind the AE
        Part10 ct = Part10.read(Dcmtk.sample("CT_small.dcm"));
        for (StorageDescriptor d : List.of(down, refused)) {
            DicomServiceException e = assertThrows(DicomServiceException.class, () -> services.storeService().store(
                    new StoreContext("SCU", d.getId().toUpperCase(), ct.sopClassUID(), ct.sopInstanceUID(),
                            ct.transferSyntax()), d, new ByteArrayInputStream(ct.dataSet())));
            assertEquals(Status.OUT_OF_RESOURCES, e.status(), e.getMessage());
        }
        assertEquals(0, count("instance"));
        assertEquals(0, count("location"));
    }
}
