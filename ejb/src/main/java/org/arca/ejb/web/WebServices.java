package org.arca.ejb.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import org.arca.ejb.rules.ExportRuleListener;
import org.arca.ejb.rules.ExportScheduler;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.Device;

/**
 * The archive core for the web layer (STOW-RS, QIDO-RS, WADO-RS, WADO-URI): the same store,
 * query and retrieve classes DicomService wires for DIMSE, over java:/ArcaDS. Requests run
 * concurrently (no container lock); each gets the snapshot of the current configuration, which
 * is rebuilt only when ArchiveConfiguration hands out a new device (a reload).
 * Transactions are the store's and query's own local JDBC ones, as on the DIMSE side.
 */
@Singleton
@DependsOn({"ArchiveConfiguration", "DatabaseSchema", "StartupReconciliation"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class WebServices {

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ExportScheduler exportScheduler;

    private final Storages storages = new Storages();
    private volatile WebArchive current;

    /** The services for the current configuration; null when no device could be loaded. */
    public WebArchive archive() {
        Device device = configuration.device();
        WebArchive a = current;
        if (a != null && a.device() == device) {
            return a;
        }
        if (device == null) {
            return null;
        }
        synchronized (this) {
            if (current == null || current.device() != device) {
                current = new WebArchive(dataSource, device, storages);
                // objects stored over STOW-RS feed the export rules exactly as C-STORE's do
                current.store().addListener(new ExportRuleListener(exportScheduler, device));
            }
            return current;
        }
    }

    @PreDestroy
    void closeStorages() {
        storages.close();
    }
}
