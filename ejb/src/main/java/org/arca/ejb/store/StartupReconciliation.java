package org.arca.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.index.InstanceCounters;
import org.arca.ejb.runtime.Settings;
import org.arca.ejb.storage.FileSystemStorage;
import org.arca.ejb.storage.FileSystemStorageProvider;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.StorageDescriptor;

/**
 * At start, reconciles the file-system storages of the device with the index
 * ({@link StoreReconciliation}) for what the previous run may have left unfinished
 * ({@link ReconciliationWindow}). Runs in the background: stores of this run are never
 * touched (only files older than this process are), so the DICOM server need not wait.
 * Object storages written in one request (S3) are not walked. Before that, and before the
 * services that store start, the instance counters the previous run may not have applied are
 * rebuilt.
 */
@Singleton
@Startup
@DependsOn({"ArchiveConfiguration", "DatabaseSchema"})
@TransactionManagement(TransactionManagementType.BEAN)
public class StartupReconciliation {
    private static final Logger LOG = Logger.getLogger(StartupReconciliation.class.getName());

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private ArchiveConfiguration configuration;

    private final Instant runStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    private ReconciliationWindow window;
    private volatile boolean done;

    @PostConstruct
    void start() {
        window = new ReconciliationWindow(Settings.dataDir().resolve("store").resolve("reconciled-until"));
        recountInstances();
        Device device = configuration.device();
        if (device == null) {
            LOG.warning("Start-up reconciliation skipped: no device configuration");
            return;
        }
        executor.submit(() -> run(device));
    }

    /**
     * Rebuilds the instance counters that a crash left unapplied ({@link InstanceCounters}),
     * before the DICOM and web services (which depend on this bean) take the first store.
     */
    private void recountInstances() {
        try (Connection c = dataSource.getConnection()) {
            Instant from = window.from();
            long t0 = System.nanoTime();
            int n = InstanceCounters.recount(c, Timestamp.from(from));
            LOG.info("Start-up recount: instance counters of " + n + " series with instances indexed since " + from
                    + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (SQLException | IOException e) {
            // the window stays until a reconciliation completes, so the next start recounts
            LOG.log(Level.WARNING, "Start-up recount of instance counters failed", e);
        }
    }

    private void run(Device device) {
        try {
            Instant from = window.from();
            LOG.info("Start-up reconciliation: files changed from " + from + " to " + runStart);
            long t0 = System.nanoTime();
            StoreReconciliation r = new StoreReconciliation(dataSource);
            for (StorageDescriptor d : device.getStorages()) {
                if (!"file".equals(d.getScheme()) || d.isReadOnly()) {
                    continue;
                }
                Path root = ((FileSystemStorage) new FileSystemStorageProvider().open(d)).root();
                StoreReconciliation.Report report = r.reconcile(d.getId(), root, from, runStart);
                boolean changed = report.temporaryRemoved() + report.unindexedRemoved().size()
                        + report.rowsWithoutFile().size() > 0;
                LOG.log(changed ? Level.WARNING : Level.INFO, "Start-up reconciliation: " + report);
            }
            window.reconciledUntil(runStart);
            done = true;
            LOG.info("Start-up reconciliation done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (Exception e) {
            // the window stays: the next start tries again
            LOG.log(Level.SEVERE, "Start-up reconciliation failed", e);
        }
    }

    @PreDestroy
    void stop() {
        InstanceCounters.awaitAll();
        if (!done) {
            return;
        }
        try {
            window.stoppedAt(Instant.now(), runStart);
        } catch (IOException e) {
            LOG.warning("reconciliation window not recorded: " + e);
        }
    }
}
