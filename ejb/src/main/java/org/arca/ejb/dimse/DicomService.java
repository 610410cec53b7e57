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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.dicom.net.Association;
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
 * A configuration reload is graceful: associations already open run to their end with the
 * configuration they started with; new associations see the new AEs. The listener is only
 * replaced when the port changed; the old services are closed once their associations ended.
 */
@Singleton
@Startup
@DependsOn({"ArchiveConfiguration", "DatabaseSchema", "StartupReconciliation", "Directory"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DicomService {
    private static final Logger LOG = Logger.getLogger(DicomService.class.getName());
    private static final String DICOM_CONNECTION = "dicom";
    /** Before retiring old services: lets connections accepted just before a swap finish negotiating. */
    private static final long NEGOTIATION_GRACE_MS = 2_000;

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
    private int serverPort;
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
        Connection conn = device == null ? null : device.getConnection(DICOM_CONNECTION);
        if (conn == null || conn.getPort() == null) {
            LOG.warning(device == null ? "No device configuration: DICOM server not started"
                    : "Device " + device.getName() + " has no '" + DICOM_CONNECTION + "' connection with a port");
            drain();
            return;
        }
        ArchiveServices next = new ArchiveServices(dataSource, device, OverwritePolicy.NEVER,
                new LdapMoveDestinations(directory.environment()));
        next.storeService().addListener(new ExportRuleListener(exportScheduler, device));
        List<org.arca.dicom.net.ApplicationEntity> aes = new ArrayList<>();
        for (ApplicationEntity ae : device.getApplicationEntities()) {
            if (ae.getConnectionNames().contains(DICOM_CONNECTION) && !Boolean.FALSE.equals(ae.getInstalled())) {
                aes.add(next.applicationEntity(device, ae));
            }
        }
        if (server != null && serverPort == conn.getPort()) {
            swapApplicationEntities(aes);
            retireWhenIdle(services, server);
            services = next;
            LOG.info("DICOM server on " + Settings.bindAddress() + ":" + serverPort + " now serves " + aes.size()
                    + " AE(s); open associations keep their configuration");
            return;
        }
        drain(); // frees the old port; its associations run to their end
        DicomServer s = new DicomServer(new ConnectionOptions());
        aes.forEach(s::addApplicationEntity);
        try {
            server = startRetryingBind(s, conn.getPort());
            serverPort = conn.getPort();
            services = next;
            LOG.info("DICOM server on " + Settings.bindAddress() + ":" + conn.getPort() + " for " + aes.size() + " AE(s)");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "DICOM server not started on port " + conn.getPort(), e);
            next.close();
            applied = null; // the next reload tries again
        }
    }

    /** New associations get the new AEs (same titles replaced); AEs no longer configured are no longer served. */
    private void swapApplicationEntities(List<org.arca.dicom.net.ApplicationEntity> aes) {
        Set<String> titles = new HashSet<>();
        for (org.arca.dicom.net.ApplicationEntity ae : aes) {
            server.addApplicationEntity(ae);
            titles.add(ae.aeTitle());
        }
        for (String t : server.applicationEntityTitles()) {
            if (!titles.contains(t)) {
                server.removeApplicationEntity(t);
            }
        }
    }

    /** Stops listening without aborting anything: open associations end normally, then everything is released. */
    private void drain() {
        if (server != null) {
            try {
                server.closeGracefully();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "DICOM server did not stop listening cleanly", e);
            }
            retireWhenIdle(services, server);
            server = null;
            services = null;
        }
    }

    /** Closes {@code old} once the associations that may still use it (those open on {@code on}) ended. */
    private static void retireWhenIdle(ArchiveServices old, DicomServer on) {
        if (old == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(NEGOTIATION_GRACE_MS);
                for (Association as : on.associations()) {
                    as.awaitClose(Long.MAX_VALUE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.close();
        }, "dicom-retire-services");
        t.setDaemon(true);
        t.start();
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
