package org.arca.ldap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A task queue (dcmQueue) with its parallelism and retry back-off. */
public final class QueueDescriptor {
    private String name;
    private String description;
    private boolean installed = true;
    private int maxTasksParallel = 1;
    private int maxRetries;
    private Duration retryDelay = Duration.ofMinutes(1);
    private int retryDelayMultiplier = 100; // percent
    private Duration maxRetryDelay;         // null: unbounded
    private boolean retryOnWarning;
    private List<Schedule> schedules = new ArrayList<>();
    private Duration purgeCompletedDelay;

    public QueueDescriptor() {}

    public QueueDescriptor(String name) { this.name = name; }

    /**
     * Delay before retry number {@code failures} (1 = first retry): retryDelay x (multiplier/100)^(failures-1),
     * capped at maxRetryDelay; null when no retry is left.
     */
    public Duration retryDelay(int failures) {
        if (failures < 1 || failures > maxRetries) return null;
        double millis = retryDelay.toMillis() * Math.pow(retryDelayMultiplier / 100.0, failures - 1);
        long capped = maxRetryDelay == null ? (long) Math.min(millis, Long.MAX_VALUE)
                : (long) Math.min(millis, maxRetryDelay.toMillis());
        return Duration.ofMillis(capped);
    }

    public String getName() { return name; }
    public QueueDescriptor setName(String v) { name = v; return this; }
    public String getDescription() { return description; }
    public QueueDescriptor setDescription(String v) { description = v; return this; }
    public boolean isInstalled() { return installed; }
    public QueueDescriptor setInstalled(boolean v) { installed = v; return this; }
    public int getMaxTasksParallel() { return maxTasksParallel; }
    public QueueDescriptor setMaxTasksParallel(int v) { maxTasksParallel = v; return this; }
    public int getMaxRetries() { return maxRetries; }
    public QueueDescriptor setMaxRetries(int v) { maxRetries = v; return this; }
    public Duration getRetryDelay() { return retryDelay; }
    public QueueDescriptor setRetryDelay(Duration v) { retryDelay = v; return this; }
    public int getRetryDelayMultiplier() { return retryDelayMultiplier; }
    public QueueDescriptor setRetryDelayMultiplier(int v) { retryDelayMultiplier = v; return this; }
    public Duration getMaxRetryDelay() { return maxRetryDelay; }
    public QueueDescriptor setMaxRetryDelay(Duration v) { maxRetryDelay = v; return this; }
    public boolean isRetryOnWarning() { return retryOnWarning; }
    public QueueDescriptor setRetryOnWarning(boolean v) { retryOnWarning = v; return this; }
    public List<Schedule> getSchedules() { return schedules; }
    public QueueDescriptor setSchedules(List<Schedule> v) { schedules = new ArrayList<>(v); return this; }
    public Duration getPurgeCompletedDelay() { return purgeCompletedDelay; }
    public QueueDescriptor setPurgeCompletedDelay(Duration v) { purgeCompletedDelay = v; return this; }
}
