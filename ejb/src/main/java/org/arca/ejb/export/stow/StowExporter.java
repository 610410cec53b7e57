package org.arca.ejb.export.stow;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.arca.ejb.export.ExportInstances;
import org.arca.ejb.export.ExportOutcome;
import org.arca.ejb.export.ExportStorages;
import org.arca.ejb.export.ExportTask;
import org.arca.ejb.export.ExportTaskStatus;
import org.arca.ejb.export.Exporter;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.storage.Storages;
import org.arca.ldap.config.ExporterDescriptor;

/**
 * {@code stow:<WebApp>} and {@code stowrs:<WebApp>}: STOW-RS of the task's instances to the web
 * application of that name (on any device in LDAP), with its dcmProperty client settings.
 * Instances the receiver refuses, or that would need decompression, are counted; the task
 * then fails and is retried. An unreachable receiver fails the task for a retry too.
 */
@ApplicationScoped
public class StowExporter implements Exporter {

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @Inject
    private ExportStorages exportStorages;

    @EJB
    private Directory directory;

    @Override
    public boolean handles(String scheme) {
        return "stow".equals(scheme) || "stowrs".equals(scheme);
    }

    @Override
    public ExportOutcome export(ExportTask task, ExporterDescriptor descriptor) throws Exception {
        String name = descriptor.getTarget();
        WebAppLocator.Target target = new WebAppLocator(directory.environment()).find(name);
        if (target == null) {
            return ExportOutcome.failed("Unknown web application '" + name + "' of exporter " + descriptor.getId()
                    + ": no dcmWebApp with an HTTP connection in LDAP", false);
        }
        StowSettings settings;
        try {
            settings = StowSettings.of(target.properties());
        } catch (IllegalArgumentException e) {
            return ExportOutcome.failed("Web application '" + name + "': " + e.getMessage(), false);
        }
        List<ExportInstances.Item> items = ExportInstances.of(dataSource, task);
        if (items.isEmpty()) {
            return new ExportOutcome(ExportTaskStatus.WARNING, "No instances to export", null, false, 0, 0);
        }
        StowClient client = new StowClient(target, settings);
        Storages storages = exportStorages.current();
        List<StowPart> parts = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            for (ExportInstances.Item item : items) {
                StowPart part = StowPart.of(item.instance(), storages.storageById(item.instance().location().storageId()),
                        settings);
                if (part == null) {
                    failed.add(item.instance().sopInstanceUID()); // compressed, receiver wants it uncompressed
                } else {
                    parts.add(part);
                }
            }
            Set<String> refused;
            try {
                refused = client.send(parts);
            } catch (IOException e) {
                return ExportOutcome.failed("STOW-RS to " + client.uri() + " failed: " + e, true);
            }
            failed.addAll(refused);
        } finally {
            for (StowPart p : parts) {
                p.close();
            }
        }
        int stored = items.size() - failed.size();
        String message = "Stored " + stored + " of " + items.size() + " to " + client.uri();
        if (failed.isEmpty()) {
            return new ExportOutcome(ExportTaskStatus.COMPLETED, message, null, false, items.size(), 0);
        }
        return new ExportOutcome(ExportTaskStatus.FAILED, message, failed.size() + " failed: "
                + String.join(", ", failed), true, items.size(), failed.size());
    }
}
