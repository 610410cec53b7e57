package org.arca.ejb.export;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExporterDescriptor;

/**
 * Runs one export task: marks it IN PROCESS, runs the exporter for its URI scheme outside any
 * transaction (exports take long), then records the outcome, or schedules a retry with the
 * queue's backoff. Status changes commit on their own, so monitoring sees them at once.
 * A message is ignored when it is stale (the task was rescheduled since), a duplicate (the
 * task already runs or ran), or early (the task's time or its queue's window has not come:
 * it is then sent again for that time).
 */
@Stateless
public class ExportTaskProcessor {

    private static final Logger LOG = Logger.getLogger(ExportTaskProcessor.class.getName());
    private static final Instant SERVER_START =
            Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());

    @PersistenceContext(unitName = "arca")
    private EntityManager em;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ExportQueue queue;

    @EJB
    private ArchiveClock clock;

    @Inject
    @Any
    private Instance<Exporter> exporters;

    @Resource
    private SessionContext session;

    /** As {@link #process(long, Long, boolean)} for a message without a scheduled time. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void process(long pk) {
        process(pk, null, false);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void process(long pk, Long sentForMillis, boolean redelivered) {
        ExportTaskProcessor self = session.getBusinessObject(ExportTaskProcessor.class);
        ExportTask task;
        try {
            task = self.begin(pk, sentForMillis, redelivered);
        } catch (EJBException e) {
            if (!lostOptimisticLock(e)) {
                // the database or the server failed (e.g. shutting down): the message must come
                // back, so the consumer's transaction has to roll back, not acknowledge it
                throw e;
            }
            // another consumer started the same task first (optimistic lock): it is theirs
            LOG.fine(() -> "export task " + pk + " not started here: " + e);
            return;
        }
        if (task == null) {
            return;
        }
        ExportOutcome outcome;
        ExportCancellation running = ExportCancellation.start(pk);
        try {
            outcome = run(task);
        } catch (Exception e) {
            if (running.isCanceled()) {
                LOG.info(() -> "Export task " + pk + " canceled while running: stopped (" + e + ")");
            } else {
                LOG.log(Level.INFO, "Export task " + pk + " failed", e);
            }
            outcome = ExportOutcome.failed(String.valueOf(e), true);
        } finally {
            running.finish();
        }
        self.complete(pk, outcome); // a canceled task stays CANCELED
    }

    /** The task, now IN PROCESS; null when this message is not to run it (see class comment). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExportTask begin(long pk, Long sentForMillis, boolean redelivered) {
        ExportTask task = em.find(ExportTask.class, pk);
        if (task == null || task.getStatus().isFinal()) {
            return null;
        }
        if (sentForMillis != null && task.getScheduledTime().toEpochMilli() != sentForMillis) {
            return null; // stale: a newer message for the new time is on its way
        }
        boolean pending = task.getStatus() == ExportTaskStatus.SCHEDULED
                || task.getStatus() == ExportTaskStatus.SCHEDULED_FOR_RETRY;
        if (!pending && (ExportCancellation.isRunning(pk) || !(redelivered || startedBeforeThisServer(task)))) {
            // IN PROCESS: still running here (a redelivery after the consumer's transaction timed
            // out), or elsewhere; only a crash's redelivery, or a run from before this server
            // started (Artemis need not flag a message redelivered after a kill), takes it over
            return null;
        }
        Instant now = clock.now();
        if (task.getScheduledTime().isAfter(now)) {
            queue.send(task); // early (the clock was set back): look again at its time
            return null;
        }
        Device device = configuration.device();
        Instant hold = device == null ? null
                : ExportTimes.queueHold(device.getQueue(task.getQueueName()), now, clock.zone());
        if (hold != null) {
            queue.sendAt(task, hold); // queue paused or outside its window
            return null;
        }
        task.transition(ExportTaskStatus.IN_PROCESS, now);
        em.flush(); // version check now, so a concurrent start fails here and not after the export
        return task;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(long pk, ExportOutcome outcome) {
        ExportTask task = em.find(ExportTask.class, pk);
        if (task == null || task.getStatus() != ExportTaskStatus.IN_PROCESS) {
            return; // canceled, rescheduled or deleted while it ran: the operator's decision stands
        }
        Instant now = clock.now();
        task.setOutcomeMessage(outcome.message());
        task.setErrorMessage(outcome.error());
        task.setNumberOfInstances(outcome.instances());
        task.setNumberOfFailures(outcome.failures());
        Duration retry = outcome.retryable() ? retryDelay(task) : null;
        if (retry != null) {
            task.transition(ExportTaskStatus.SCHEDULED_FOR_RETRY, now);
            task.setScheduledTime(now.plus(retry));
            queue.send(task);
        } else {
            task.transition(outcome.status(), now);
        }
    }

    private Duration retryDelay(ExportTask task) {
        Device device = configuration.device();
        return device == null ? null : RetryPolicy.nextDelay(device.getQueue(task.getQueueName()), task.getAttempts());
    }

    private ExportOutcome run(ExportTask task) throws Exception {
        Device device = configuration.device();
        if (device == null) {
            return ExportOutcome.failed("configuration of this device could not be read from LDAP", true);
        }
        ExporterDescriptor descriptor = device.getExporter(task.getExporterId());
        if (descriptor == null) {
            return ExportOutcome.failed("Exporter '" + task.getExporterId() + "' is not configured on device "
                    + device.getName(), false);
        }
        String scheme = descriptor.getScheme();
        for (Exporter exporter : exporters) {
            if (exporter.handles(scheme)) {
                return exporter.export(task, descriptor);
            }
        }
        return ExportOutcome.failed("no exporter handles URI scheme '" + scheme + "' (dcmURI " + descriptor.getUri()
                + " of exporter " + descriptor.getId() + ")", false);
    }

    /** Its run began before this JVM started: the server that ran it died. */
    private static boolean startedBeforeThisServer(ExportTask task) {
        return task.getProcessingStartTime() != null && task.getProcessingStartTime().isBefore(SERVER_START);
    }

    private static boolean lostOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
