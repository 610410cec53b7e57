package org.arca.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.conf.ConfigurationReloaded;
import org.arca.ldap.config.Device;

/**
 * Fires {@link StudyReceived} for each study that got no new instance for the device's
 * dcmStudyReceivedDelay, polling the index at a fraction of that delay (1 s to 1 min). Off
 * while the attribute is absent. Uses the archive clock, so a test may move time forward.
 */
@Singleton
@Startup
@DependsOn({"ArchiveConfiguration", "DatabaseSchema"})
@TransactionManagement(TransactionManagementType.BEAN)
public class StudyReceivedPoller {
    private static final Logger LOG = Logger.getLogger(StudyReceivedPoller.class.getName());
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);
    /** How long an index transaction may run without its study being missed. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ArchiveClock clock;

    @Inject
    private Event<StudyReceived> event;

    private Duration delay;
    private StudyReceivedIndex index;

    @PostConstruct
    void start() {
        index = new StudyReceivedIndex(dataSource);
        apply(configuration.device());
    }

    @PreDestroy
    void stop() {
        cancelTimers();
    }

    public void onReload(@Observes ConfigurationReloaded reloaded) {
        apply(reloaded.device());
    }

    private void apply(Device device) {
        Duration d = device == null ? null : device.getStudyReceivedDelay();
        if (d != null && (d.isZero() || d.isNegative())) {
            LOG.warning("dcmStudyReceivedDelay " + d + " ignored: must be positive");
            d = null;
        }
        if (d == null ? delay == null : d.equals(delay) && !timers.getTimers().isEmpty()) {
            return;
        }
        cancelTimers();
        delay = d;
        if (d != null) {
            long interval = clamp(d.dividedBy(2)).toMillis();
            timers.createIntervalTimer(interval, interval, new TimerConfig("study-received", false));
            LOG.info("study received after " + d + " without new instances (checked every " + interval + " ms)");
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
    }

    private void cancelTimers() {
        for (Timer t : timers.getTimers()) {
            try {
                t.cancel();
            } catch (RuntimeException e) {
                // expired meanwhile
            }
        }
    }

    @Timeout
    void poll() {
        Duration d = delay;
        if (d == null) {
            return;
        }
        try {
            List<StudyReceived> received = index.markIdleSince(clock.now().minus(d), d.compareTo(MARGIN) < 0 ? d : MARGIN);
            for (StudyReceived r : received) {
                LOG.info("Study received: " + r.studyInstanceUID() + " (last instance " + r.lastReceived()
                        + ", idle " + d + ")");
                try {
                    event.fire(r);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "study-received observer failed for " + r.studyInstanceUID(), e);
                }
            }
        } catch (SQLException e) {
            LOG.warning("study-received check failed, tried again in the next poll: " + e);
        }
    }
}
