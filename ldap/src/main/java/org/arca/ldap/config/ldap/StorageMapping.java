package org.arca.ldap.config.ldap;

import org.arca.ldap.config.Enums.Availability;
import org.arca.ldap.config.Enums.OnPathAlreadyExists;
import org.arca.ldap.config.UriScheme;
import org.arca.ldap.config.StorageDescriptor;
import org.arca.ldap.config.StorageSchemes;

/** StorageDescriptor <-> dcmStorage. */
final class StorageMapping {
    private StorageMapping() {}

    /** {@code schemes}: those a storage provider is installed for (StorageSchemes). */
    static StorageDescriptor read(EntryReader r, StorageSchemes schemes) {
        StorageDescriptor s = new StorageDescriptor();
        s.setId(r.required("dcmStorageID"));
        String uri = r.required("dcmURI");
        if (uri != null) {
            if (schemes.accepts(UriScheme.of(uri))) s.setUri(uri);
            else r.error("dcmURI", "no storage provider for the URI scheme of '" + uri + "', installed: " + schemes);
        }
        s.setDescription(r.string("dicomDescription"));
        s.setDigestAlgorithm(r.string("dcmDigestAlgorithm"));
        s.setInstanceAvailability(r.enumValue("dcmInstanceAvailability", Availability.class, Availability.ONLINE));
        String format = r.string("dcmStoragePathFormat");
        if (format != null) s.setPathFormat(format);
        s.setOnPathAlreadyExists(r.enumValue("dcmOnStoragePathAlreadyExists", OnPathAlreadyExists.class,
                OnPathAlreadyExists.RANDOM_PATH));
        s.setReadOnly(r.bool("dcmReadOnly", false));
        s.getProperties().putAll(r.properties("dcmProperty"));
        return s;
    }

    static EntryImage image(StorageDescriptor s) {
        return new EntryImage("dcmStorage", "dcmStorageID", s.getId(), "dcmStorage")
                .put("dcmURI", s.getUri())
                .put("dicomDescription", s.getDescription())
                .put("dcmDigestAlgorithm", s.getDigestAlgorithm())
                .put("dcmInstanceAvailability",
                        s.getInstanceAvailability() == Availability.ONLINE ? null : s.getInstanceAvailability().name())
                .put("dcmStoragePathFormat",
                        StorageDescriptor.DEFAULT_PATH_FORMAT.equals(s.getPathFormat()) ? null : s.getPathFormat())
                .put("dcmOnStoragePathAlreadyExists", s.getOnPathAlreadyExists() == OnPathAlreadyExists.RANDOM_PATH
                        ? null : s.getOnPathAlreadyExists().name())
                .put("dcmReadOnly", s.isReadOnly() ? Boolean.TRUE : null)
                .putProperties("dcmProperty", s.getProperties());
    }
}
