package org.arca.ejb.export.dicom;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.arca.dicom.net.Association;
import org.arca.dicom.net.ConnectionOptions;
import org.arca.dicom.net.pdu.AAssociateRQ;
import org.arca.ejb.dimse.LdapMoveDestinations;
import org.arca.ejb.export.ExportCancellation;
import org.arca.ejb.export.ExportInstances;
import org.arca.ejb.export.ExportOutcome;
import org.arca.ejb.export.ExportStorages;
import org.arca.ejb.export.ExportTask;
import org.arca.ejb.export.ExportTaskStatus;
import org.arca.ejb.export.Exporter;
import org.arca.ejb.ldap.Directory;
import org.arca.ejb.retrieve.InstanceLocation;
import org.arca.ejb.retrieve.InstanceSender;
import org.arca.ejb.retrieve.MoveDestination;
import org.arca.ldap.config.ExporterDescriptor;

/**
 * {@code dicom:<AET>}: C-STORE of the task's instances to the AE found in LDAP, on one
 * association. Each instance goes in its stored transfer syntax when the peer accepts it,
 * else uncompressed; instances the peer refuses are counted and the task fails (and is
 * retried) with "Stored N of M".
 */
@ApplicationScoped
public class DicomExporter implements Exporter {

    /** PS3.8 allows 128 presentation contexts per association. */
    private static final int MAX_PRESENTATION_CONTEXTS = 128;

    @Resource(lookup = "java:/ArcaDS")
    private DataSource dataSource;

    @Inject
    private ExportStorages storages;

    @EJB
    private Directory directory;

    @Override
    public boolean handles(String scheme) {
        return "dicom".equals(scheme);
    }

    @Override
    public ExportOutcome export(ExportTask task, ExporterDescriptor descriptor) throws Exception {
        String aet = descriptor.getTarget();
        MoveDestination dest = new LdapMoveDestinations(directory.environment()).resolve(aet);
        if (dest == null) {
            return ExportOutcome.failed("Unknown destination AE '" + aet + "' of exporter " + descriptor.getId()
                    + ": no network AE with a DICOM connection in LDAP", false);
        }
        List<ExportInstances.Item> items = ExportInstances.of(dataSource, task);
        if (items.isEmpty()) {
            return new ExportOutcome(ExportTaskStatus.WARNING, "No instances to export", null, false, 0, 0);
        }
        AAssociateRQ rq = new AAssociateRQ();
        rq.callingAET(callingAet(task, descriptor));
        rq.calledAET(dest.aeTitle());
        propose(rq, items);
        Association as = Association.connect(dest.host(), dest.port(), rq, new ConnectionOptions());
        InstanceSender sender = new InstanceSender(storages.current());
        ExportCancellation cancellation = ExportCancellation.current();
        if (cancellation != null) {
            cancellation.onCancel(as::abort); // a C-STORE blocked on the socket ends at once
        }
        try {
            for (ExportInstances.Item item : items) {
                if (cancellation != null && cancellation.isCanceled()) {
                    throw new InterruptedException("export task canceled");
                }
                sender.send(as, item.instance(), (cuid, iuid, ts, data) -> as.store(cuid, iuid, ts, data).status());
            }
        } finally {
            if (as.isOpen()) {
                as.release();
            }
        }
        return outcome(items.size(), sender, aet);
    }

    static ExportOutcome outcome(int total, InstanceSender sender, String aet) {
        int stored = sender.completed() + sender.warning();
        String message = "Stored " + stored + " of " + total + " to " + aet;
        if (sender.failed() == 0) {
            return new ExportOutcome(ExportTaskStatus.COMPLETED, message, null, false, total, 0);
        }
        return new ExportOutcome(ExportTaskStatus.FAILED, message, sender.failed() + " failed: "
                + String.join(", ", sender.failedUIDs()), true, total, sender.failed());
    }

    private static String callingAet(ExportTask task, ExporterDescriptor descriptor) {
        if (descriptor.getAeTitle() != null) {
            return descriptor.getAeTitle();
        }
        return task.getLocalAet() != null ? task.getLocalAet() : "DCM4CHEE";
    }

    /** Per SOP class: one context for each stored syntax (sent as is), one for the uncompressed ones. */
    private static void propose(AAssociateRQ rq, List<ExportInstances.Item> items) {
        Set<String> offered = new LinkedHashSet<>();
        for (ExportInstances.Item item : items) {
            if (offered.size() >= MAX_PRESENTATION_CONTEXTS - 1) {
                break;
            }
            InstanceLocation i = item.instance();
            String ts = i.location().transferSyntaxUID();
            if (offered.add(i.sopClassUID() + '|' + ts)) {
                rq.propose(i.sopClassUID(), ts);
            }
            if (offered.add(i.sopClassUID() + "|*")) {
                rq.propose(i.sopClassUID(), InstanceSender.uncompressed().toArray(String[]::new));
            }
        }
    }
}
