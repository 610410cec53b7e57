package org.arca.ejb.export;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.arca.ejb.clock.ArchiveClock;

/**
 * Puts export tasks on their JMS queue. Row and message are written in the caller's
 * transaction (the JMS context is the transacted pooled factory), so a crash loses neither.
 * A message carries the task's pk and the scheduled time it was sent for: when the task is
 * rescheduled or coalesced later, a new message goes out and the old one is recognised as
 * stale by the processor (its time no longer matches the row).
 */
@Stateless
public class ExportQueue {

    public static final String TASK_PK = "taskPk";
    public static final String SCHEDULED_TIME = "scheduledTime";

    @PersistenceContext(unitName = "arca")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @EJB
    private ArchiveClock clock;

    /** Persists a new task and queues its message for the task's scheduled time. */
    public ExportTask schedule(ExportTask task) {
        em.persist(task);
        em.flush(); // the message carries the generated pk
        send(task);
        return task;
    }

    /** Queues a message for the task's scheduled time, e.g. for a retry or a reschedule. */
    public void send(ExportTask task) {
        sendAt(task, task.getScheduledTime());
    }

    /** Queues a message for the task delivered at {@code deliverAt} (a held queue looks again then). */
    public void sendAt(ExportTask task, Instant deliverAt) {
        Message msg = jms.createMessage();
        try {
            msg.setLongProperty(TASK_PK, task.getPk());
            msg.setLongProperty(SCHEDULED_TIME, task.getScheduledTime().toEpochMilli());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        long delay = Duration.between(clock.now(), deliverAt).toMillis();
        jms.createProducer().setDeliveryDelay(Math.max(0, delay)).send(queue(task.getQueueName()), msg);
    }

    private static Queue queue(String name) {
        try {
            return (Queue) new InitialContext().lookup("java:/jms/queue/" + name);
        } catch (NamingException e) {
            throw new IllegalArgumentException("no JMS queue " + name + " on this server", e);
        }
    }
}
