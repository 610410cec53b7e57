package org.arca.ejb.rules;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.ejb.clock.ArchiveClock;
import org.arca.ejb.conf.ArchiveConfiguration;
import org.arca.ejb.export.ExportRequest;
import org.arca.ejb.export.ExportTasks;
import org.arca.ejb.export.ExportTimes;
import org.arca.ejb.export.UnknownExporterException;
import org.arca.ejb.store.StoredInstance;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;
import org.arca.ldap.config.Enums.Entity;
import org.arca.ldap.config.ExportRule;
import org.arca.ldap.config.ExporterDescriptor;

/**
 * Turns a stored instance into export tasks by the export rules of the device and of the AE
 * that received it: each firing rule's exporters get a task for the study (or series or
 * instance), due dcmDuration after this instance and moved into the exporter's dcmSchedule
 * window; a pending task of the same export is postponed instead of a second one created.
 * A rule naming an exporter that does not exist is logged; the store is never affected.
 */
@Stateless
public class ExportScheduler {

    private static final Logger LOG = Logger.getLogger(ExportScheduler.class.getName());

    @EJB
    private ArchiveConfiguration configuration;

    @EJB
    private ExportTasks tasks;

    @EJB
    private ArchiveClock clock;

    /** Returns how many tasks were created or postponed. */
    public int onStore(StoredInstance inst) {
        Device device = configuration.device();
        if (device == null) {
            return 0;
        }
        String calledAet = inst.context().calledAET();
        List<ExportRule> rules = new ArrayList<>(device.getExportRules());
        ApplicationEntity ae = calledAet == null ? null : device.getApplicationEntity(calledAet);
        if (ae != null) {
            rules.addAll(ae.getExportRules());
        }
        if (rules.isEmpty()) {
            return 0;
        }
        Attributes h = inst.header();
        ExportRuleMatcher.Subject subject = new ExportRuleMatcher.Subject(h, inst.context().callingAET(), calledAet,
                null, null);
        Instant now = clock.now();
        int n = 0;
        for (ExportRulePlan.Export e : ExportRulePlan.of(rules, subject, now.atZone(clock.zone()))) {
            ExporterDescriptor exporter = device.getExporter(e.exporterId());
            if (exporter == null) {
                LOG.warning("Export rule names exporter '" + e.exporterId() + "' not configured on device "
                        + device.getName() + ": " + h.getString(Tag.SOPInstanceUID) + " not exported");
                continue;
            }
            Instant time = ExportTimes.scheduledTime(now.plus(e.delay()), exporter.getSchedules(), clock.zone());
            ExportRequest rq = new ExportRequest(exporter.getId(), calledAet, h.getString(Tag.StudyInstanceUID),
                    e.entity() == Entity.Study ? null : h.getString(Tag.SeriesInstanceUID),
                    e.entity() == Entity.Instance ? h.getString(Tag.SOPInstanceUID) : null, time);
            try {
                tasks.createOrPostpone(rq, time);
                n++;
            } catch (UnknownExporterException ex) {
                LOG.warning(ex.getMessage()); // removed by a reload meanwhile
            }
        }
        return n;
    }

    /**
     * Hook for export rules that wait for a whole study (dcmStudyReceivedDelay idle time).
     * Nothing is scheduled here yet: the export rules owner decides which rules fire on it.
     */
    public void onStudyReceived(@jakarta.enterprise.event.Observes org.arca.ejb.store.StudyReceived received) {
        LOG.fine(() -> "study received: " + received.studyInstanceUID());
    }
}
