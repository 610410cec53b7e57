package org.arca.ejb.dimse;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.arca.dicom.net.ApplicationEntity;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.TransferCapability;
import org.arca.ejb.query.QueryService;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.ejb.retrieve.RetrieveScp;
import org.arca.ejb.retrieve.RetrieveService;
import org.arca.ejb.stgcmt.StorageCommitmentScp;
import org.arca.ejb.store.OverwritePolicies;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ejb.store.StoreContext;
import org.arca.ejb.store.StoreService;
import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;

/**
 * The archive's DIMSE services over one database and the device's storages, and the network
 * AEs built from the configuration with their handlers wired to them. Plain Java: the EE
 * singleton only supplies the DataSource and the configuration.
 */
public final class ArchiveServices implements AutoCloseable {
    private final Storages storages = new Storages();
    private final StoreService store;
    private final QueryService query;
    private final RetrieveScp retrieve;
    private final StorageCommitmentScp stgcmt;
    private final ExecutorService reports = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stgcmt-report");
        t.setDaemon(true);
        return t;
    });

    public ArchiveServices(DataSource ds, Device device, OverwritePolicy overwritePolicy,
                           MoveDestination.Resolver destinations) {
        storages.configure(device.getStorages()).copiesFrom(ds);
        store = new StoreService(ds, storages, OverwritePolicies.of(device, overwritePolicy));
        query = new QueryService(ds);
        retrieve = new RetrieveScp(new RetrieveService(ds), storages, destinations, new ConnectionOptions());
        stgcmt = new StorageCommitmentScp(ds, storages, reports);
    }

    public StoreService storeService() {
        return store;
    }

    /** The network AE for a configured AE of {@code device}, handlers wired. */
    public ApplicationEntity applicationEntity(Device device, org.arca.ldap.config.ApplicationEntity conf) {
        String aet = conf.getAeTitle();
        ApplicationEntity ae = new ApplicationEntity(aet);
        ae.acceptCallingAETitles(conf.getAcceptedCallingAETitles().toArray(String[]::new));
        List<org.arca.ldap.config.TransferCapability> tcs = conf.getTransferCapabilities();
        if (tcs.isEmpty()) {
            ae.addTransferCapability(TransferCapability.scp(TransferCapability.ANY, TransferCapability.ANY));
            ae.addTransferCapability(TransferCapability.scu(TransferCapability.ANY, TransferCapability.ANY));
        }
        for (org.arca.ldap.config.TransferCapability tc : tcs) {
            ae.addTransferCapability(new TransferCapability(tc.getSopClass(),
                    tc.getRole() == Enums.TransferRole.SCU ? TransferCapability.Role.SCU : TransferCapability.Role.SCP,
                    tc.getTransferSyntaxes()));
        }
        StorageDescriptor storage = conf.getObjectStorageIDs().isEmpty() ? null
                : device.getStorage(conf.getObjectStorageIDs().get(0));
        ae.onStore((rq, data) -> store.store(new StoreContext(rq.callingAET(), rq.calledAET(), rq.sopClassUID(),
                rq.sopInstanceUID(), rq.transferSyntax()), storage, data));
        ae.onFind((rq, keys, rsp) -> query.find(rq.sopClassUID(), rq.transferSyntax(), keys, aet, rsp::pending));
        ae.onMove(retrieve::onMove);
        ae.onGet(retrieve::onGet);
        ae.onNAction(stgcmt::onNAction);
        return ae;
    }

    @Override
    public void close() {
        reports.shutdownNow();
        storages.close(); // connection pools and upload threads of S3 storages
    }
}
