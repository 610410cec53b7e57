package org.arca.ejb.export.storage;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.export.ExportInstances;
import org.arca.ejb.export.ExportOutcome;
import org.arca.ejb.export.ExportStorages;
import org.arca.ejb.export.ExportTask;
import org.arca.ejb.export.ExportTaskStatus;
import org.arca.ejb.export.Exporter;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.ExporterDescriptor;
import org.arca.ldap.config.StorageDescriptor;

/**
 * {@code storage:<StorageID>}: copies the task's instances into another storage of this
 * device and records each copy as a further location row. Instances that already have a copy
 * there are counted as done; instances whose copy failed are counted and the task retried.
 */
@ApplicationScoped
public class StorageExporter implements Exporter {

    private static final Logger LOG = Logger.getLogger(StorageExporter.class.getName());

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ArchiveClock clock;

    @Inject
    private ExportStorages storages;

    @Override
    public boolean handles(String scheme) {
        return "storage".equals(scheme);
    }

    @Override
    public ExportOutcome export(ExportTask task, ExporterDescriptor descriptor) throws Exception {
        Device device = configuration.device();
        String id = descriptor.getTarget();
        StorageDescriptor target = device.getStorage(id);
        if (target == null) {
            return ExportOutcome.failed("Unknown storage '" + id + "' of exporter " + descriptor.getId()
                    + ": no dcmStorage of that ID on device " + device.getName(), false);
        }
        if (target.isReadOnly()) {
            return ExportOutcome.failed("Storage '" + id + "' is read-only", false);
        }
        List<ExportInstances.Item> items = ExportInstances.of(dataSource, task);
        if (items.isEmpty()) {
            return new ExportOutcome(ExportTaskStatus.WARNING, "No instances to export", null, false, 0, 0);
        }
        LocationCopier copier = new LocationCopier(dataSource, storages.current(), target, clock);
        int copied = 0;
        int present = 0;
        List<String> failed = new ArrayList<>();
        for (ExportInstances.Item item : items) {
            try {
                if (copier.copy(item)) {
                    copied++;
                } else {
                    present++;
                }
            } catch (Exception e) {
                LOG.warning("copy of " + item.instance().sopInstanceUID() + " to storage " + id + " failed: " + e);
                failed.add(item.instance().sopInstanceUID());
            }
        }
        String message = "Copied " + copied + " of " + items.size() + " to storage " + id
                + (present > 0 ? " (" + present + " already there)" : "");
        if (failed.isEmpty()) {
            return new ExportOutcome(ExportTaskStatus.COMPLETED, message, null, false, items.size(), 0);
        }
        return new ExportOutcome(ExportTaskStatus.FAILED, message, failed.size() + " failed: "
                + String.join(", ", failed), true, items.size(), failed.size());
    }
}
