package org.arca.dicomweb.monitor;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.arca.ejb.export.ExportTaskFilter;
import org.arca.ejb.export.ExportTaskStatus;

/** The query parameters of the export monitor; a bad value is a 400 naming the parameter. */
public class ExportTaskQuery {

    @QueryParam("status") String status;
    @QueryParam("ExporterID") String exporterId;
    @QueryParam("dcmQueueName") String queueName;
    @QueryParam("StudyInstanceUID") String studyInstanceUid;
    @QueryParam("createdTimeFrom") String createdFrom;
    @QueryParam("createdTimeTo") String createdTo;
    @QueryParam("updatedTimeFrom") String updatedFrom;
    @QueryParam("updatedTimeTo") String updatedTo;
    @QueryParam("offset") Integer offset;
    @QueryParam("limit") Integer limit;

    ExportTaskFilter filter() {
        ExportTaskFilter f = new ExportTaskFilter();
        try {
            f.status = status == null ? null : ExportTaskStatus.ofLabel(status);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status: " + e.getMessage());
        }
        f.exporterId = exporterId;
        f.queueName = queueName;
        f.studyInstanceUid = studyInstanceUid;
        f.createdFrom = instant("createdTimeFrom", createdFrom);
        f.createdTo = instant("createdTimeTo", createdTo);
        f.updatedFrom = instant("updatedTimeFrom", updatedFrom);
        f.updatedTo = instant("updatedTimeTo", updatedTo);
        return f;
    }

    int offset() {
        return offset == null ? 0 : offset;
    }

    int limit() {
        return limit == null ? 0 : limit;
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + ": '" + value + "' is not an ISO-8601 instant");
        }
    }
}
