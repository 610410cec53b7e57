package org.arca.dicomweb.monitor;

import java.time.Instant;
import java.util.List;
import org.arca.ejb.export.ExportTask;

/** Export tasks as CSV (RFC 4180), one header line, the columns of the JSON form. */
final class ExportTaskCsv {

    private static final String HEADER = "taskID,status,queue,ExporterID,dicomDeviceName,LocalAET,StudyInstanceUID,"
            + "SeriesInstanceUID,SOPInstanceUID,numberOfAttempts,scheduledTime,createdTime,updatedTime,"
            + "processingStartTime,processingEndTime,NumberOfInstances,NumberOfFailures,outcomeMessage,errorMessage\r\n";

    private ExportTaskCsv() {
    }

    static String of(List<ExportTask> tasks) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (ExportTask t : tasks) {
            row(sb, t.getPk(), t.getStatus().label(), t.getQueueName(), t.getExporterId(), t.getDeviceName(),
                    t.getLocalAet(), t.getStudyInstanceUid(), t.getSeriesInstanceUid(), t.getSopInstanceUid(),
                    t.getAttempts(), t.getScheduledTime(), t.getCreatedTime(), t.getUpdatedTime(),
                    t.getProcessingStartTime(), t.getProcessingEndTime(), t.getNumberOfInstances(),
                    t.getNumberOfFailures(), t.getOutcomeMessage(), t.getErrorMessage());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values[i]));
        }
        sb.append("\r\n");
    }

    static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Instant i ? i.toString() : v.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
