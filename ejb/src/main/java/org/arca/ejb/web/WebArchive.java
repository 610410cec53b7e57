package org.arca.ejb.web;

import javax.sql.DataSource;
import org.arca.ejb.query.QueryService;
import org.arca.ejb.storage.Storages;
import org.arca.ejb.store.OverwritePolicies;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ejb.store.StoreService;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.StorageDescriptor;

/**
 * One configuration snapshot's archive services as the web layer uses them: the store
 * (C-STORE's StoreService with the same overwrite policy), the C-FIND query service, and the
 * instance index for retrieval and metadata. Plain Java, immutable, shared by all requests.
 */
public final class WebArchive {
    private final Device device;
    private final Storages storages;
    private final StoreService store;
    private final QueryService query;
    private final InstanceIndex index;

    /**
     * {@code storages} outlives this snapshot: each reload configures the same instance, which
     * keeps the storages whose settings did not change open (an S3 storage holds a connection
     * pool and upload threads), so a reload neither leaks them nor cuts off a running request.
     */
    public WebArchive(DataSource dataSource, Device device, Storages storages) {
        this.device = device;
        this.storages = storages;
        storages.configure(device.getStorages()).copiesFrom(dataSource);
        this.store = new StoreService(dataSource, storages, OverwritePolicies.of(device, OverwritePolicy.NEVER));
        this.query = new QueryService(dataSource);
        this.index = new InstanceIndex(dataSource);
    }

    public Device device() {
        return device;
    }

    /** The installed AE with this title, or null (the web layer answers 404). */
    public ApplicationEntity applicationEntity(String aet) {
        ApplicationEntity ae = device.getApplicationEntity(aet);
        return ae == null || Boolean.FALSE.equals(ae.getInstalled()) ? null : ae;
    }

    /** Where objects received for {@code ae} go: its first dcmObjectStorageID, or null. */
    public StorageDescriptor storageFor(ApplicationEntity ae) {
        return ae.getObjectStorageIDs().isEmpty() ? null : device.getStorage(ae.getObjectStorageIDs().get(0));
    }

    public StoreService store() {
        return store;
    }

    public QueryService query() {
        return query;
    }

    public InstanceIndex index() {
        return index;
    }

    public Storages storages() {
        return storages;
    }
}
