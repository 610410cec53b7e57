package org.arca.dicomweb.export;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.arca.ejb.export.ExportTask;

/** An export task as the monitoring API and the UI show it. */
public final class ExportTaskJson {

    private ExportTaskJson() {
    }

    public static JsonObject of(ExportTask t) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("taskID", t.getPk())
                .add("status", t.getStatus().label())
                .add("queue", t.getQueueName())
                .add("ExporterID", t.getExporterId())
                .add("dicomDeviceName", t.getDeviceName())
                .add("StudyInstanceUID", t.getStudyInstanceUid())
                .add("numberOfAttempts", t.getAttempts());
        put(b, "LocalAET", t.getLocalAet());
        put(b, "SeriesInstanceUID", t.getSeriesInstanceUid());
        put(b, "SOPInstanceUID", t.getSopInstanceUid());
        put(b, "scheduledTime", t.getScheduledTime());
        put(b, "createdTime", t.getCreatedTime());
        put(b, "updatedTime", t.getUpdatedTime());
        put(b, "processingStartTime", t.getProcessingStartTime());
        put(b, "processingEndTime", t.getProcessingEndTime());
        put(b, "outcomeMessage", t.getOutcomeMessage());
        put(b, "errorMessage", t.getErrorMessage());
        if (t.getNumberOfInstances() != null) {
            b.add("NumberOfInstances", t.getNumberOfInstances());
        }
        if (t.getNumberOfFailures() != null) {
            b.add("NumberOfFailures", t.getNumberOfFailures());
        }
        return b.build();
    }

    private static void put(JsonObjectBuilder b, String name, Object value) {
        if (value instanceof Instant i) {
            b.add(name, i.toString());
        } else if (value != null) {
            b.add(name, value.toString());
        }
    }
}
