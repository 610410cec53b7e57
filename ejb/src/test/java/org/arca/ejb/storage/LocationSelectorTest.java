package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.arca.ejb.index.Location;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieve reads the ONLINE copy when it is there, else any copy that has the object, ONLINE first. */
class LocationSelectorTest {
    static final byte[] DATA = {1, 2, 3};

    @TempDir
    Path tmp;

    Storages storages(List<Location> copies) {
        StorageDescriptor online = new StorageDescriptor("online", tmp.resolve("online").toUri().toString());
        StorageDescriptor nearline = new StorageDescriptor("nearline", tmp.resolve("nearline").toUri().toString())
                .setInstanceAvailability(Enums.Availability.NEARLINE);
        return new Storages().configure(List.of(online, nearline)).copiesFrom(iuid -> copies);
    }

    static Location at(String storage, String path) {
        return new Location(storage, path, "1.2.840.10008.1.2.1", DATA.length, null);
    }

    @Test
    void onlineCopyServesWhileItIsThere() throws Exception {
        Location online = at("online", "a/1.dcm");
        Location nearline = at("nearline", "b/1.dcm");
        Storages s = storages(List.of(nearline, online));
        s.storageById("online").store(online.storagePath(), new ByteArrayInputStream(DATA));
        s.storageById("nearline").store(nearline.storagePath(), new ByteArrayInputStream(DATA));
        assertEquals(online, LocationSelector.of(s).select("1", online).location());
        // given the NEARLINE one first (row order is not fixed), the ONLINE copy still wins
        assertEquals(online, LocationSelector.of(s).select("1", nearline).location());
    }

    @Test
    void nearlineCopyServesWhenTheOnlineObjectIsGone() throws Exception {
        Location online = at("online", "a/1.dcm");
        Location nearline = at("nearline", "b/1.dcm");
        Storages s = storages(List.of(online, nearline));
        s.storageById("nearline").store(nearline.storagePath(), new ByteArrayInputStream(DATA));
        LocationSelector.Selected got = LocationSelector.of(s).select("1", online);
        assertEquals(nearline, got.location());
        try (InputStream in = got.storage().open(got.path())) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
    }

    @Test
    void noCopyWithTheObjectIsNoSuchFile() throws Exception {
        Location online = at("online", "a/1.dcm");
        Storages s = storages(List.of(online, at("nearline", "b/1.dcm")));
        assertThrows(NoSuchFileException.class, () -> LocationSelector.of(s).select("1", online));
    }
}
