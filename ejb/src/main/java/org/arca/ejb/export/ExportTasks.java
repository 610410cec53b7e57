package org.arca.ejb.export;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExporterDescriptor;

/**
 * Creating, looking up and operating on export tasks, for the REST API and the export rules.
 * Every change that makes a task due again sends its message in the same transaction.
 */
@Stateless
public class ExportTasks {

    @PersistenceContext(unitName = "arca")
    private EntityManager em;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ExportQueue queue;

    @EJB
    private ArchiveClock clock;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** A new task on the exporter's queue; row and message commit together. */
    public ExportTask create(ExportRequest rq) throws UnknownExporterException {
        Device device = configuration.device();
        ExporterDescriptor exporter = exporter(device, rq.exporterId());
        Instant now = clock.now();
        Instant time = ExportTimes.scheduledTime(rq.scheduledTime() != null ? rq.scheduledTime() : now,
                exporter.getSchedules(), clock.zone());
        return queue.schedule(newTask(device, exporter, rq, time, now));
    }

    /**
     * The task a rule asks for: an existing SCHEDULED task of the same exporter and entity is
     * moved later to {@code time} (never earlier), else a new one is created. So instances of
     * one study arriving one after another give one task, due after the last one.
     */
    public ExportTask createOrPostpone(ExportRequest rq, Instant time) throws UnknownExporterException {
        Device device = configuration.device();
        ExporterDescriptor exporter = exporter(device, rq.exporterId());
        List<ExportTask> pending = em.createQuery("SELECT t FROM ExportTask t WHERE t.exporterId = ?1"
                + " AND t.studyInstanceUid = ?2 AND t.status = ?3", ExportTask.class)
                .setParameter(1, exporter.getId()).setParameter(2, rq.studyInstanceUid())
                .setParameter(3, ExportTaskStatus.SCHEDULED).getResultList();
        for (ExportTask t : pending) {
            if (Objects.equals(t.getSeriesInstanceUid(), rq.seriesInstanceUid())
                    && Objects.equals(t.getSopInstanceUid(), rq.sopInstanceUid())) {
                if (time.isAfter(t.getScheduledTime())) {
                    t.setScheduledTime(time);
                    queue.send(t); // the earlier message becomes stale
                }
                return t;
            }
        }
        return queue.schedule(newTask(device, exporter, rq, time, clock.now()));
    }

    public ExportTask find(long pk) {
        return em.find(ExportTask.class, pk);
    }

    public List<ExportTask> list(ExportTaskFilter filter, int offset, int limit) {
        return filter.list(em, offset, limit);
    }

    public long count(ExportTaskFilter filter) {
        return filter.count(em);
    }

    /** [queue name, ExportTaskStatus, Long] rows: the counts per queue and status. */
    public List<Object[]> countByQueueAndStatus(ExportTaskFilter filter) {
        return filter.countByQueueAndStatus(em);
    }

    /**
     * Cancels a task that has not finished; false when there is none or it had finished. A task
     * running here has its exporter stopped (see {@link ExportCancellation}).
     */
    public boolean cancel(long pk) {
        ExportTask t = em.find(ExportTask.class, pk);
        if (t == null || t.getStatus().isFinal()) {
            return false;
        }
        boolean running = t.getStatus() == ExportTaskStatus.IN_PROCESS;
        t.transition(ExportTaskStatus.CANCELED, clock.now());
        if (running) {
            stopAfterCommit(pk);
        }
        return true;
    }

    /** Stops the task's exporter once CANCELED is committed (a rollback leaves it running). */
    private void stopAfterCommit(long pk) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    ExportCancellation.cancel(pk);
                }
            }
        });
    }

    /** Cancels every unfinished task the filter matches; returns how many. */
    public int cancel(ExportTaskFilter filter) {
        int n = 0;
        for (ExportTask t : filter.list(em, 0, 0)) {
            n += cancel(t.getPk()) ? 1 : 0;
        }
        return n;
    }

    /**
     * Schedules a task that is not running again, at {@code time} (now when null), optionally
     * on another exporter (and so maybe another queue). Null when there is no such task or it runs.
     */
    public ExportTask reschedule(long pk, String exporterId, Instant time) throws UnknownExporterException {
        ExportTask t = em.find(ExportTask.class, pk);
        if (t == null || t.getStatus() == ExportTaskStatus.IN_PROCESS) {
            return null;
        }
        ExporterDescriptor exporter = exporter(configuration.device(), exporterId != null ? exporterId : t.getExporterId());
        Instant now = clock.now();
        t.setExporterId(exporter.getId());
        t.setQueueName(exporter.getQueueName());
        t.reschedule(time != null ? time : now, now);
        queue.send(t);
        return t;
    }

    public int reschedule(ExportTaskFilter filter, String exporterId, Instant time) throws UnknownExporterException {
        int n = 0;
        for (ExportTask t : filter.list(em, 0, 0)) {
            n += reschedule(t.getPk(), exporterId, time) != null ? 1 : 0;
        }
        return n;
    }

    /** Deletes a task that is not running; its messages, if any, then find nothing to do. */
    public boolean delete(long pk) {
        ExportTask t = em.find(ExportTask.class, pk);
        if (t == null || t.getStatus() == ExportTaskStatus.IN_PROCESS) {
            return false;
        }
        em.remove(t);
        return true;
    }

    public int delete(ExportTaskFilter filter) {
        int n = 0;
        for (ExportTask t : filter.list(em, 0, 0)) {
            n += delete(t.getPk()) ? 1 : 0;
        }
        return n;
    }

    /**
     * Sends a message now for every pending task that is due by the archive clock. Needed only
     * when the clock jumps (tests): messages wait by the system clock. Duplicates are harmless,
     * the processor starts a task once.
     */
    public int requeueDue() {
        List<ExportTask> due = em.createQuery("SELECT t FROM ExportTask t WHERE t.status IN ?1"
                + " AND t.scheduledTime <= ?2", ExportTask.class)
                .setParameter(1, List.of(ExportTaskStatus.SCHEDULED, ExportTaskStatus.SCHEDULED_FOR_RETRY))
                .setParameter(2, clock.now()).getResultList();
        due.forEach(queue::send);
        return due.size();
    }

    private static ExporterDescriptor exporter(Device device, String id) throws UnknownExporterException {
        ExporterDescriptor exporter = device == null ? null : device.getExporter(id);
        if (exporter == null) {
            throw new UnknownExporterException(id, device == null ? "?" : device.getName());
        }
        return exporter;
    }

    private static ExportTask newTask(Device device, ExporterDescriptor exporter, ExportRequest rq, Instant time,
            Instant now) {
        ExportTask task = new ExportTask(exporter.getQueueName(), exporter.getId(), device.getName(),
                rq.studyInstanceUid(), time, now);
        task.setLocalAet(rq.localAet() != null ? rq.localAet() : exporter.getAeTitle());
        task.setSeriesInstanceUid(rq.seriesInstanceUid());
        task.setSopInstanceUid(rq.sopInstanceUid());
        return task;
    }
}
