package org.arca.ejb.export;

/**
 * What an exporter reports back. A failure that cannot heal by waiting (an exporter that is
 * not configured, a scheme nobody handles) is not retryable, so it fails at once.
 */
public record ExportOutcome(ExportTaskStatus status, String message, String error, boolean retryable,
        Integer instances, Integer failures) {

    public static ExportOutcome completed(String message, int instances) {
        return new ExportOutcome(ExportTaskStatus.COMPLETED, message, null, false, instances, 0);
    }

    public static ExportOutcome failed(String error, boolean retryable) {
        return new ExportOutcome(ExportTaskStatus.FAILED, null, error, retryable, null, null);
    }
}
