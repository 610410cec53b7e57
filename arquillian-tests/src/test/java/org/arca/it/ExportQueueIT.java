package org.arca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import org.arca.ejb.export.ExportTask;
import org.arca.ejb.export.ExportTaskStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, beside the archive: a probe persists an export task through JPA, puts
 * its message on Export1, and watches the archive's own consumer record the outcome.
 */
@ExtendWith(ArquillianExtension.class)
class ExportQueueIT {

    @Deployment(name = "arca", testable = false, order = 1)
    static EnterpriseArchive ear() {
        return ArcaDeployment.ear();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "probe.war")
                .addClasses(ExportTask.class, ExportTaskStatus.class)
                .addAsResource("probe/persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @PersistenceContext(unitName = "probe")
    private EntityManager em;

    @Resource
    private UserTransaction tx;

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/Export1")
    private Queue export1;

    @Test
    @OperateOnDeployment("probe")
    void consumerOfExport1RecordsTheOutcomeOfAQueuedTask() throws Exception {
        Instant now = Instant.now();
        tx.begin();
        ExportTask task = new ExportTask("Export1", "NO_SUCH_EXPORTER", "dcm4chee-arc", "1.2.3.4", now, now);
        task.setSeriesInstanceUid("1.2.3.4.5");
        em.persist(task);
        tx.commit();
        long pk = task.getPk();

        em.clear();
        ExportTask read = em.find(ExportTask.class, pk);
        assertNotNull(read, "persisted task reads back");
        assertEquals("1.2.3.4.5", read.getSeriesInstanceUid());
        assertEquals(ExportTaskStatus.SCHEDULED, read.getStatus());

        jms.createProducer().setProperty("taskPk", pk).send(export1, jms.createMessage());

        ExportTask done = awaitFinal(pk, 30_000);
        assertEquals(ExportTaskStatus.FAILED, done.getStatus());
        assertEquals(1, done.getAttempts());
        assertTrue(done.getErrorMessage().contains("'NO_SUCH_EXPORTER' is not configured on device dcm4chee-arc"),
                done.getErrorMessage());
        assertNotNull(done.getProcessingEndTime());
    }

    private ExportTask awaitFinal(long pk, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            em.clear();
            ExportTask t = em.find(ExportTask.class, pk);
            if (t.getStatus().isFinal()) {
                return t;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + pk + " not processed within " + timeoutMillis + " ms");
    }
}
