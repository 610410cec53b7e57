package org.arca.ejb.export;

import java.time.Duration;
import org.arca.ldap.config.QueueDescriptor;

/**
 * When a failed task runs again, from its queue's dcmMaxRetries, dcmRetryDelay,
 * dcmRetryDelayMultiplier (percent: 200 doubles each time) and dcmMaxRetryDelay.
 */
public final class RetryPolicy {

    private RetryPolicy() {
    }

    /** The delay before the next attempt, or null when the task has had all its attempts. */
    public static Duration nextDelay(QueueDescriptor queue, int attemptsSoFar) {
        if (queue == null || attemptsSoFar > queue.getMaxRetries()) {
            return null;
        }
        double factor = Math.pow(queue.getRetryDelayMultiplier() / 100.0, Math.max(0, attemptsSoFar - 1));
        long millis = (long) Math.min(Long.MAX_VALUE / 2, queue.getRetryDelay().toMillis() * factor);
        Duration delay = Duration.ofMillis(millis);
        Duration max = queue.getMaxRetryDelay();
        return max != null && delay.compareTo(max) > 0 ? max : delay;
    }
}
