package org.arca.ejb.export;

import java.time.Instant;

/** What an operator or a rule asks to export: a study, or a series or instance of it, to one exporter. */
public record ExportRequest(String exporterId, String localAet, String studyInstanceUid,
        String seriesInstanceUid, String sopInstanceUid, Instant scheduledTime) {
}
