package org.arca.ejb.rules;

import jakarta.ejb.EJBException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.arca.dicom.dict.Tag;
import org.arca.ejb.store.StoreListener;
import org.arca.ejb.store.StoredInstance;
import org.arca.ldap.config.ApplicationEntity;
import org.arca.ldap.config.Device;

/**
 * Hands every stored instance to the export rules. Instances of one study are taken one at a
 * time (striped lock by Study Instance UID), so two associations storing into the same study
 * postpone one task rather than create two. A conflict with a consumer starting that task at
 * the same moment is tried again: the task is then IN PROCESS and a new one gets created.
 * Where neither the device nor the receiving AE has an export rule, the scheduler (an EJB: a
 * transaction and a dozen interceptors, a third of a C-STORE's CPU on the storing thread in
 * the store benchmark's profile) is not called at all.
 */
public final class ExportRuleListener implements StoreListener {

    private static final Logger LOG = Logger.getLogger(ExportRuleListener.class.getName());
    private static final int STRIPES = 64;
    private static final int ATTEMPTS = 3;

    private final ExportScheduler scheduler;
    private final Device device;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /** For the stores of {@code device}'s configuration (a reload makes a new listener). */
    public ExportRuleListener(ExportScheduler scheduler, Device device) {
        this.scheduler = scheduler;
        this.device = device;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public void stored(StoredInstance instance) {
        if (!hasRules(instance.context().calledAET())) {
            return;
        }
        String study = instance.header().getString(Tag.StudyInstanceUID);
        ReentrantLock lock = locks[Math.floorMod(study == null ? 0 : study.hashCode(), STRIPES)];
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    scheduler.onStore(instance);
                    return;
                } catch (EJBException e) {
                    if (attempt >= ATTEMPTS) {
                        LOG.log(Level.WARNING, "export rules not applied to " + instance.context().sopInstanceUID(), e);
                        return;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRules(String calledAet) {
        if (!device.getExportRules().isEmpty()) {
            return true;
        }
        ApplicationEntity ae = calledAet == null ? null : device.getApplicationEntity(calledAet);
        return ae != null && !ae.getExportRules().isEmpty();
    }
}
