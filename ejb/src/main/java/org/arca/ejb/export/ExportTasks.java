package org.arca.ejb.export;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExporterDescriptor;

/** Creating and looking up export tasks, for the REST API (and, later, the export rules). */
@Stateless
public class ExportTasks {

    @PersistenceContext(unitName = "arca")
    private EntityManager em;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ExportQueue queue;

    /** A new task on the exporter's queue; row and message commit together. */
    public ExportTask create(ExportRequest rq) throws UnknownExporterException {
        Device device = configuration.device();
        ExporterDescriptor exporter = device == null ? null : device.getExporter(rq.exporterId());
        if (exporter == null) {
            throw new UnknownExporterException(rq.exporterId(), device == null ? "?" : device.getName());
        }
        Instant now = Instant.now();
        ExportTask task = new ExportTask(exporter.getQueueName(), exporter.getId(), device.getName(),
                rq.studyInstanceUid(), rq.scheduledTime() != null ? rq.scheduledTime() : now, now);
        task.setLocalAet(rq.localAet());
        task.setSeriesInstanceUid(rq.seriesInstanceUid());
        task.setSopInstanceUid(rq.sopInstanceUid());
        return queue.schedule(task);
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
}
