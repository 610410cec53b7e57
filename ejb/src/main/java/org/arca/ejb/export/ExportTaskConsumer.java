package org.arca.ejb.export;

import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.arca.ejb.db.DatabaseSchema;

/**
 * Consumes one export queue (ejb-jar.xml declares one bean per queue with this class). The
 * message is acknowledged with the transaction after processing, so a crash mid-export makes
 * the broker deliver it again and the task is run again.
 */
public class ExportTaskConsumer implements MessageListener {

    @EJB
    private DatabaseSchema schema;

    @EJB
    private ExportTaskProcessor processor;

    @Override
    public void onMessage(Message message) {
        schema.version(); // waits for start-up migration when messages arrive early
        try {
            Long sentFor = message.propertyExists(ExportQueue.SCHEDULED_TIME)
                    ? message.getLongProperty(ExportQueue.SCHEDULED_TIME) : null;
            processor.process(message.getLongProperty(ExportQueue.TASK_PK), sentFor, message.getJMSRedelivered());
        } catch (JMSException e) {
            throw new IllegalStateException("export message without " + ExportQueue.TASK_PK, e);
        }
    }
}
