package org.arca.ejb.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.DicomServer;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ejb.support.Databases;
import org.arca.dicom.net.support.Dcmtk;
import org.arca.dicom.net.support.Part10;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Our DicomServer with the archive services on a free port, over H2 or PostgreSQL. */
abstract class ArchiveNetworkTestBase {
    static final String AET = "DCM4CHEE";
    @TempDir
    Path tmp;
    DataSource ds;
    Path fs;
    DicomServer server;
    ArchiveServices services;
    final List<MoveDestination> destinations = new ArrayList<>();

    abstract Databases.Kind kind();

    @BeforeEach
    void startArchive() throws Exception {
        ds = Databases.create(kind(), tmp);
        fs = tmp.resolve("fs1");
        Device device = new Device("dcm4chee-arc");
        device.addStorage(new StorageDescriptor("fs1", fs.toUri().toString()).setDigestAlgorithm("MD5"));
        ApplicationEntity conf = new ApplicationEntity(AET);
        conf.getObjectStorageIDs().add("fs1");
        device.addApplicationEntity(conf);
        services = new ArchiveServices(ds, device, OverwritePolicy.NEVER, aet -> destinations.stream()
                .filter(d -> d.aeTitle().equals(aet)).findFirst().orElse(null));
        server = new DicomServer(new ConnectionOptions()).addApplicationEntity(services.applicationEntity(device, conf))
                .start(0);
    }

    @AfterEach
    void stopArchive() throws Exception {
        server.close();
        services.close();
    }

    String port() {
        return String.valueOf(server.port());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stores sample files with DCMTK dcmsend, each in its own transfer syntax (never decompressed). */
    void storescu(String... samples) throws Exception {
        List<String> args = new ArrayList<>(List.of("-aec", AET, "-dn", "-nuc", "127.0.0.1", port()));
        for (String s : samples) {
            args.add(Dcmtk.sample(s).toString());
        }
        Dcmtk.Result r = Dcmtk.run(60, "dcmsend", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
    }

    /** The stored object of an instance, read back. */
    Part10 stored(String iuid) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.storage_path FROM location l JOIN instance i ON i.pk = l.instance_fk WHERE i.sop_iuid = ?")) {
            ps.setString(1, iuid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no location for " + iuid);
                return Part10.read(fs.resolve(rs.getString(1)));
            }
        }
    }

    int count(String table) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<Path> storedFiles() throws IOException {
        if (!Files.exists(fs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(fs)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    static List<Attributes> readAll(Path dir) throws IOException {
        List<Attributes> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                try (DicomInputStream in = new DicomInputStream(p)) {
                    out.add(in.readDataset());
                }
            }
        }
        return out;
    }

    /** The data set a retrieve delivered equals the stored one (same syntax, same bytes). */
    void assertSameAsStored(Path received) throws Exception {
        Part10 got = Part10.read(received);
        Part10 mine = stored(got.sopInstanceUID());
        assertEquals(mine.transferSyntax(), got.transferSyntax());
        assertArrayEquals(mine.dataSet(), got.dataSet(), "retrieved data set differs: " + got.sopInstanceUID());
    }

    static String uidOf(String sample, int tag) throws Exception {
        try (DicomInputStream in = new DicomInputStream(Dcmtk.sample(sample))) {
            return in.readDataset(Tag.PixelData).getString(tag);
        }
    }
}
