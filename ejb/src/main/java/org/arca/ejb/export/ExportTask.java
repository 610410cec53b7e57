package org.arca.ejb.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One export of a study, series or instance to one exporter; its row is the truth for monitoring. */
@Entity
@Table(name = "export_task")
@NamedQuery(name = "ExportTask.countByStatus",
        query = "SELECT t.status, COUNT(t) FROM ExportTask t GROUP BY t.status")
public class ExportTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Version
    private long version;

    @Column(name = "queue_name", nullable = false)
    private String queueName;

    @Column(name = "exporter_id", nullable = false)
    private String exporterId;

    @Column(name = "device_name", nullable = false)
    private String deviceName;

    @Column(name = "local_aet")
    private String localAet;

    @Column(name = "study_iuid", nullable = false)
    private String studyInstanceUid;

    @Column(name = "series_iuid")
    private String seriesInstanceUid;

    @Column(name = "sop_iuid")
    private String sopInstanceUid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportTaskStatus status;

    @Column(name = "scheduled_time", nullable = false)
    private Instant scheduledTime;

    @Column(name = "created_time", nullable = false)
    private Instant createdTime;

    @Column(name = "updated_time", nullable = false)
    private Instant updatedTime;

    @Column(name = "proc_start_time")
    private Instant processingStartTime;

    @Column(name = "proc_end_time")
    private Instant processingEndTime;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "num_instances")
    private Integer numberOfInstances;

    @Column(name = "num_failures")
    private Integer numberOfFailures;

    @Column(name = "outcome_message", length = 1024)
    private String outcomeMessage;

    @Column(name = "error_message", length = 1024)
    private String errorMessage;

    protected ExportTask() {
    }

    public ExportTask(String queueName, String exporterId, String deviceName, String studyInstanceUid,
            Instant scheduledTime, Instant now) {
        this.queueName = queueName;
        this.exporterId = exporterId;
        this.deviceName = deviceName;
        this.studyInstanceUid = studyInstanceUid;
        this.scheduledTime = scheduledTime;
        this.createdTime = now;
        this.updatedTime = now;
        this.status = ExportTaskStatus.SCHEDULED;
    }

    /** Moves the task to a new state and stamps the time of the change. */
    public void transition(ExportTaskStatus newStatus, Instant now) {
        this.status = newStatus;
        this.updatedTime = now;
        if (newStatus == ExportTaskStatus.IN_PROCESS) {
            processingStartTime = now;
            processingEndTime = null;
            attempts++;
        } else if (newStatus.isFinal() || newStatus == ExportTaskStatus.SCHEDULED_FOR_RETRY) {
            processingEndTime = now;
        }
    }

    /** Back to SCHEDULED at {@code time}, as new: attempts, outcome and error are cleared. */
    public void reschedule(Instant time, Instant now) {
        this.status = ExportTaskStatus.SCHEDULED;
        this.scheduledTime = time;
        this.updatedTime = now;
        this.attempts = 0;
        this.outcomeMessage = null;
        this.errorMessage = null;
        this.numberOfInstances = null;
        this.numberOfFailures = null;
    }

    public Long getPk() { return pk; }
    public String getQueueName() { return queueName; }
    public void setQueueName(String queueName) { this.queueName = queueName; }
    public String getExporterId() { return exporterId; }
    public void setExporterId(String exporterId) { this.exporterId = exporterId; }
    public String getDeviceName() { return deviceName; }
    public String getLocalAet() { return localAet; }
    public void setLocalAet(String localAet) { this.localAet = localAet; }
    public String getStudyInstanceUid() { return studyInstanceUid; }
    public String getSeriesInstanceUid() { return seriesInstanceUid; }
    public void setSeriesInstanceUid(String uid) { this.seriesInstanceUid = uid; }
    public String getSopInstanceUid() { return sopInstanceUid; }
    public void setSopInstanceUid(String uid) { this.sopInstanceUid = uid; }
    public ExportTaskStatus getStatus() { return status; }
    public Instant getScheduledTime() { return scheduledTime; }
    public void setScheduledTime(Instant t) { this.scheduledTime = t; }
    public Instant getCreatedTime() { return createdTime; }
    public Instant getUpdatedTime() { return updatedTime; }
    public Instant getProcessingStartTime() { return processingStartTime; }
    public Instant getProcessingEndTime() { return processingEndTime; }
    public int getAttempts() { return attempts; }
    public Integer getNumberOfInstances() { return numberOfInstances; }
    public void setNumberOfInstances(Integer n) { this.numberOfInstances = n; }
    public Integer getNumberOfFailures() { return numberOfFailures; }
    public void setNumberOfFailures(Integer n) { this.numberOfFailures = n; }
    public String getOutcomeMessage() { return outcomeMessage; }
    public void setOutcomeMessage(String m) { this.outcomeMessage = truncate(m); }
    public String getErrorMessage() { return errorMessage; }
    public void setErrorMessage(String m) { this.errorMessage = truncate(m); }

    private static String truncate(String s) {
        return s == null || s.length() <= 1024 ? s : s.substring(0, 1021) + "...";
    }
}
