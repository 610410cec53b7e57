package org.arca.ejb.export.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.io.DicomInputStream;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.export.ExportInstances;
import org.arca.ejb.index.Location;
import org.arca.ejb.storage.LocationSelector;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.Storage;
import org.arca.ejb.storage.StoragePathFormat;
import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Copies one stored object into a target storage, byte for byte (digest computed on the way,
 * path from the target's dcmStoragePathFormat over the object's header), and adds its
 * location row once the copy is durable. A copy without its row is removed again.
 */
final class LocationCopier {


    private final DataSource dataSource;
    private final Storages storages;
    private final StorageDescriptor target;
    private final ArchiveClock clock;

    LocationCopier(DataSource dataSource, Storages storages, StorageDescriptor target, ArchiveClock clock) {
        this.dataSource = dataSource;
        this.storages = storages;
        this.target = target;
        this.clock = clock;
    }

    /** False when the instance already has a copy in the target storage. */
    boolean copy(ExportInstances.Item item) throws IOException, SQLException, NoSuchAlgorithmException {
        if (hasCopy(item.instancePk())) {
            return false;
        }
        // any copy that has the object: the ONLINE one, or another if that one is lost
        LocationSelector.Selected selected = LocationSelector.of(storages)
                .select(item.instance().sopInstanceUID(), item.instance().location());
        Location from = selected.location();
        Storage source = selected.storage();
        Storage to = storages.storage(target);
        Attributes header;
        try (DicomInputStream in = new DicomInputStream(source.open(from.storagePath()))) {
            in.readFileMetaInformation();
            header = in.readDataset(Tag.PixelData);
        }
        String path = new StoragePathFormat(target.getPathFormat()).format(header);
        MessageDigest md = target.getDigestAlgorithm() == null || target.getDigestAlgorithm().isEmpty() ? null
                : MessageDigest.getInstance(target.getDigestAlgorithm());
        long size;
        String written;
        try (InputStream in = source.open(from.storagePath())) {
            Created c = create(to, path);
            written = c.path();
            try (ObjectWriter w = c.writer()) {
                OutputStream out = md == null ? w.stream() : new DigestOutputStream(w.stream(), md);
                size = in.transferTo(out);
                out.flush();
                written = w.commitPerPolicy(written);
            }
        }
        try {
            insert(item.instancePk(), new Location(target.getId(), written, from.transferSyntaxUID(), size,
                    md == null ? null : HexFormat.of().formatHex(md.digest())));
        } catch (SQLException e) {
            to.delete(written);
            throw e;
        }
        return true;
    }

    private record Created(ObjectWriter writer, String path) {
    }

    private Created create(Storage to, String path) throws IOException {
        String p = path;
        for (int attempt = 0; ; attempt++) {
            try {
                return new Created(to.create(p), p);
            } catch (FileAlreadyExistsException e) {
                if (target.getOnPathAlreadyExists() != Enums.OnPathAlreadyExists.RANDOM_PATH
                        || attempt >= StoragePathFormat.RANDOM_PATH_ATTEMPTS) {
                    throw e;
                }
                p = StoragePathFormat.randomAlternative(path);
            }
        }
    }

    private boolean hasCopy(long instancePk) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM location WHERE instance_fk = ? AND storage_id = ? AND status = 0")) {
            ps.setLong(1, instancePk);
            ps.setString(2, target.getId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void insert(long instancePk, Location l) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO location (instance_fk, storage_id, storage_path, tsuid, object_size, digest, status,"
                        + " created_time) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
            ps.setLong(1, instancePk);
            ps.setString(2, l.storageId());
            ps.setString(3, l.storagePath());
            ps.setString(4, l.transferSyntaxUID());
            ps.setLong(5, l.size());
            ps.setString(6, l.digest());
            ps.setTimestamp(7, Timestamp.from(clock.now()));
            ps.executeUpdate();
        }
    }
}
