package org.arca.ejb.export;

import jakarta.annotation.Resource;
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

/**
 * Puts export tasks on their JMS queue. Row and message are written in the caller's
 * transaction (the JMS context is the transacted pooled factory), so a crash loses neither.
 */
@Stateless
public class ExportQueue {

    public static final String TASK_PK = "taskPk";

    @PersistenceContext(unitName = "arca")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    /** Persists a new task and queues its message for the task's scheduled time. */
    public ExportTask schedule(ExportTask task) {
        em.persist(task);
        em.flush(); // the message carries the generated pk
        send(task);
        return task;
    }

    /** Queues the message of an existing task again, e.g. for a retry or a reschedule. */
    public void send(ExportTask task) {
        Message msg = jms.createMessage();
        try {
            msg.setLongProperty(TASK_PK, task.getPk());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        long delay = Duration.between(Instant.now(), task.getScheduledTime()).toMillis();
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
