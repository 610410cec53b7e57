package org.arca.ejb.dimse;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.DicomServer;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.conf.ConfigurationReloaded;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.rules.ExportRuleListener;
import org.arca.ejb.rules.ExportScheduler;
import org.arca.ejb.runtime.Settings;
import org.arca.ejb.store.OverwritePolicy;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Connection;
import org.arca.ldap.config.Device;

/**
 * Runs the DICOM server of this node: the device's `dicom` connection (port from LDAP, bound
 * to ARCA_BIND_ADDRESS), serving every AE of the device that uses it, handlers wired to the
 * archive services over java:/ArcaDS (local JDBC transactions, one per stored instance).
 * A configuration reload restarts the server with the new snapshot (associations in progress
 * are aborted then; applying changes without a restart is still to do).
 */
@Singleton
@Startup
@DependsOn({"ArchiveConfiguration", "DatabaseSchema", "Directory"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DicomService {
    private static final Logger LOG = Logger.getLogger(DicomService.class.getName());
    private static final String DICOM_CONNECTION = "dicom";

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private Directory directory;

    @EJB
    private ExportScheduler exportScheduler;

    private Device applied;
    private DicomServer server;
    private ArchiveServices services;

    @PostConstruct
    void start() {
        apply(configuration.device());
    }

    @PreDestroy
    void stop() {
        shutdown();
    }

    /** A reload made a new snapshot current: serve the AEs as they are now. */
    public void onReload(@Observes ConfigurationReloaded event) {
        if (event.device() != applied) {
            apply(event.device());
        }
    }

    private synchronized void apply(Device device) {
        applied = device;
        shutdown();
        if (device == null) {
            LOG.warning("No device configuration: DICOM server not started");
            return;
        }
        Connection conn = device.getConnection(DICOM_CONNECTION);
        if (conn == null || conn.getPort() == null) {
            LOG.warning("Device " + device.getName() + " has no '" + DICOM_CONNECTION + "' connection with a port");
            return;
        }
        services = new ArchiveServices(dataSource, device, OverwritePolicy.NEVER,
                new LdapMoveDestinations(directory.environment()));
        services.storeService().addListener(new ExportRuleListener(exportScheduler));
        DicomServer s = new DicomServer(new ConnectionOptions());
        int served = 0;
        for (ApplicationEntity ae : device.getApplicationEntities()) {
            if (ae.getConnectionNames().contains(DICOM_CONNECTION) && !Boolean.FALSE.equals(ae.getInstalled())) {
                s.addApplicationEntity(services.applicationEntity(device, ae));
                served++;
            }
        }
        try {
            server = startRetryingBind(s, conn.getPort());
            LOG.info("DICOM server on " + Settings.bindAddress() + ":" + conn.getPort() + " for " + served + " AE(s)");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "DICOM server not started on port " + conn.getPort(), e);
            services.close();
            services = null;
            applied = null; // the next reload tries again
        }
    }

    /** The port of the server just closed may be released a moment later: a restart waits for it. */
    private static DicomServer startRetryingBind(DicomServer s, int port) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return s.start(Settings.bindAddress(), port);
            } catch (java.net.BindException e) {
                if (attempt >= 40) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void shutdown() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "DICOM server did not close cleanly", e);
            }
            server = null;
        }
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
