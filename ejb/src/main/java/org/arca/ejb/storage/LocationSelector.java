package org.arca.ejb.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.arca.ejb.index.Location;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;

/**
 * Which copy of an instance a retrieve (C-MOVE, C-GET, WADO, export) reads: the location it
 * was given when that is on an ONLINE storage and the object is there; otherwise any copy
 * that has the object, ONLINE storages before NEARLINE ones (an ONLINE object lost from disk
 * is still served from its NEARLINE copy, e.g. in S3).
 */
public final class LocationSelector {

    /** The other copies of an instance, from the index. */
    @FunctionalInterface
    public interface Copies {
        List<Location> of(String sopInstanceUID) throws IOException;
    }

    /** The copy to read and its opened storage. */
    public record Selected(Storage storage, Location location) {
        public String path() {
            return location.storagePath();
        }
    }

    private final Storages storages;

    private LocationSelector(Storages storages) {
        this.storages = storages;
    }

    /** Selects among the copies the index of {@code storages} knows ({@link Storages#copiesFrom}). */
    public static LocationSelector of(Storages storages) {
        return new LocationSelector(storages);
    }

    /**
     * The copy of instance {@code sopInstanceUID} to read, starting from {@code given} (the
     * location the query returned).
     * @throws NoSuchFileException if no copy has the object
     */
    public Selected select(String sopInstanceUID, Location given) throws IOException {
        if (availability(given) == Enums.Availability.ONLINE) {
            Storage s = storages.storageById(given.storageId());
            if (s.exists(given.storagePath())) {
                return new Selected(s, given);
            }
        }
        LocationSelector.Copies copies = storages.copies();
        List<Location> candidates = new ArrayList<>(copies == null ? List.of(given) : copies.of(sopInstanceUID));
        if (!candidates.contains(given)) {
            candidates.add(0, given);
        }
        candidates.sort(Comparator.comparingInt(l -> availability(l).ordinal()));
        IOException failure = null;
        for (Location l : candidates) {
            try {
                Storage s = storages.storageById(l.storageId());
                if (s.exists(l.storagePath())) {
                    return new Selected(s, l);
                }
            } catch (IOException e) { // an unreachable storage: try the next copy
                failure = e;
            }
        }
        NoSuchFileException e = new NoSuchFileException(sopInstanceUID, null,
                "no copy has the object (" + candidates.size() + " location(s))");
        if (failure != null) {
            e.initCause(failure);
        }
        throw e;
    }

    /** Availability of the location's storage; an unknown storage counts as UNAVAILABLE (tried last). */
    private Enums.Availability availability(Location l) {
        StorageDescriptor d = storages.descriptor(l.storageId());
        if (d == null) {
            return Enums.Availability.UNAVAILABLE;
        }
        return d.getInstanceAvailability() == null ? Enums.Availability.ONLINE : d.getInstanceAvailability();
    }
}
