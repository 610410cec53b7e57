package org.arca.ejb.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.DicomServer;
import org.arca.ejb.dimse.ArchiveServices;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ejb.support.Databases;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive (ArchiveServices on our DicomServer, H2 index) with AEs whose object storage is
 * given by the test, next to one S3Proxy for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3ArchiveTestBase {
    /** The layout of seed 002 (DICOM-RST): study/series/instance.dcm. */
    static final String STUDY_SERIES_INSTANCE = "{0020000D}/{0020000E}/{00080018}.dcm";

    S3Proxy s3;
    DataSource ds;
    DicomServer server;
    ArchiveServices services;
    final List<MoveDestination> destinations = new ArrayList<>();

    @BeforeAll
    void startS3(@TempDir Path dir) throws Exception {
        s3 = S3Proxy.start(dir);
    }

    @AfterAll
    void stopS3() throws Exception {
        s3.close();
    }

    /** Starts the archive with one AE per storage; the AE title is the storage ID in upper case. */
    void startArchive(Path tmp, StorageDescriptor... storages) throws Exception {
        ds = Databases.create(Databases.Kind.H2, tmp);
        Device device = new Device("arca");
        for (StorageDescriptor d : storages) {
            device.addStorage(d);
            ApplicationEntity ae = new ApplicationEntity(d.getId().toUpperCase());
            ae.getObjectStorageIDs().add(d.getId());
            device.addApplicationEntity(ae);
        }
        services = new ArchiveServices(ds, device, OverwritePolicy.NEVER, aet -> destinations.stream()
                .filter(d -> d.aeTitle().equals(aet)).findFirst().orElse(null));
        server = new DicomServer(new ConnectionOptions());
        for (ApplicationEntity ae : device.getApplicationEntities()) {
            server.addApplicationEntity(services.applicationEntity(device, ae));
        }
        server.start(0);
    }

    @AfterEach
    void stopArchive() throws Exception {
        if (server != null) {
            server.close();
            services.close();
        }
    }

    String port() {
        return String.valueOf(server.port());
    }

    int count(String table) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    List<String> storagePaths() throws Exception {
        List<String> paths = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT storage_path FROM location ORDER BY storage_path"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                paths.add(rs.getString(1));
            }
        }
        return paths;
    }
}
