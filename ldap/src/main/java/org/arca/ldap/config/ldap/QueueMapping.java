package org.arca.ldap.config.ldap;

import java.time.Duration;

import org.arca.ldap.config.QueueDescriptor;

/** QueueDescriptor <-> dcmQueue. */
final class QueueMapping {
    private QueueMapping() {}

    static QueueDescriptor read(EntryReader r) {
        QueueDescriptor q = new QueueDescriptor(r.required("dcmQueueName"));
        q.setDescription(r.string("dicomDescription"));
        q.setInstalled(r.bool("dicomInstalled", true));
        q.setMaxTasksParallel(r.integer("dcmMaxTasksParallel", 1));
        q.setMaxRetries(r.integer("dcmMaxRetries", 0));
        Duration delay = r.duration("dcmRetryDelay");
        if (delay != null) q.setRetryDelay(delay);
        q.setRetryDelayMultiplier(r.integer("dcmRetryDelayMultiplier", 100));
        q.setMaxRetryDelay(r.duration("dcmMaxRetryDelay"));
        q.setRetryOnWarning(r.bool("dcmRetryOnWarning", false));
        q.setSchedules(r.schedules("dcmSchedule"));
        q.setPurgeCompletedDelay(r.duration("dcmPurgeQueueMessageCompletedDelay"));
        return q;
    }

    static EntryImage image(QueueDescriptor q) {
        return new EntryImage("dcmQueue", "dcmQueueName", q.getName(), "dcmQueue")
                .put("dicomDescription", q.getDescription())
                .put("dicomInstalled", q.isInstalled() ? null : Boolean.FALSE)
                .put("dcmMaxTasksParallel", q.getMaxTasksParallel())
                .put("dcmMaxRetries", q.getMaxRetries())
                .put("dcmRetryDelay", q.getRetryDelay())
                .put("dcmRetryDelayMultiplier", q.getRetryDelayMultiplier())
                .put("dcmMaxRetryDelay", q.getMaxRetryDelay())
                .put("dcmRetryOnWarning", q.isRetryOnWarning() ? Boolean.TRUE : null)
                .putAll("dcmSchedule", q.getSchedules().stream().map(Object::toString).toList())
                .put("dcmPurgeQueueMessageCompletedDelay", q.getPurgeCompletedDelay());
    }
}
