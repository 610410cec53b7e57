package org.arca.dicomweb.wado;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.BulkData;
import org.arca.dicom.data.Fragments;
import org.arca.dicom.dict.Tag;
import org.arca.dicomweb.multipart.ContentType;
import org.arca.dicomweb.multipart.MultipartWriter;
import org.arca.dicomweb.rs.Errors;
import org.arca.ejb.storage.LocationSelector;
import org.arca.ejb.web.StoredObject;
import org.arca.ejb.web.WebArchive;

/**
 * WADO-RS bulk data and frames of one instance (PS3.18 10.4.1.1.5, 10.4.1.1.6): values are
 * streamed from the stored object by their offsets. Bulk data honours one byte range (Range:
 * bytes=a-b, 206) when asked as application/octet-stream; otherwise, and for frames,
 * multipart/related. Frames of uncompressed pixel data are cut by frame size; encapsulated
 * frames are found by FrameLocator (offset tables or fragment boundaries, no decoding).
 */
public final class WadoBulk {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final String OCTETS = "application/octet-stream";

    private final WebArchive archive;

    public WadoBulk(WebArchive archive) {
        this.archive = archive;
    }

    StoredValues open(String study, String series, String sop) throws SQLException, IOException {
        List<StoredObject> found = archive.index().locate(study, series, sop);
        if (found.isEmpty()) {
            throw Errors.exception(404, "no instance " + sop + " in series " + series + " of study " + study);
        }
        StoredObject o = found.get(0);
        LocationSelector.Selected copy = LocationSelector.of(archive.storages()).select(o.sopInstanceUID(), o.location());
        return new StoredValues(copy.storage(), new StoredObject(o.studyUID(), o.seriesUID(), o.sopClassUID(),
                o.sopInstanceUID(), copy.location()));
    }

    public Response bulkdata(String study, String series, String sop, String path, String accept, String range)
            throws SQLException, IOException {
        StoredValues values = open(study, series, sop);
        Object v = values.value(path);
        if (v instanceof Fragments) {
            return frames(values, List.of(1));
        }
        long length = StoredValues.length(v);
        if (length < 0) {
            return Errors.response(404, "instance " + sop + " has no binary value at " + path);
        }
        boolean single = ContentType.parseList(accept).stream().anyMatch(ct -> ct.is(OCTETS));
        if (single) {
            Matcher m = range == null ? null : RANGE.matcher(range.trim());
            if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                long from = m.group(1).isEmpty() ? Math.max(0, length - Long.parseLong(m.group(2))) : Long.parseLong(m.group(1));
                long to = m.group(1).isEmpty() || m.group(2).isEmpty() ? length - 1
                        : Math.min(length - 1, Long.parseLong(m.group(2)));
                if (from >= length || to < from) {
                    return Response.status(416).header("Content-Range", "bytes */" + length).build();
                }
                return Response.status(206).type(OCTETS).header("Content-Range", "bytes " + from + "-" + to + "/" + length)
                        .entity((StreamingOutput) out -> values.write(v, from, to - from + 1, out)).build();
            }
            return Response.ok((StreamingOutput) out -> values.write(v, 0, length, out), OCTETS)
                    .header("Accept-Ranges", "bytes").build();
        }
        String boundary = MultipartWriter.newBoundary();
        return Response.ok((StreamingOutput) out -> {
            MultipartWriter mp = new MultipartWriter(out, boundary);
            values.write(v, 0, length, mp.part(Map.of("Content-Type", OCTETS)));
            mp.finish();
        }, "multipart/related; type=\"" + OCTETS + "\"; boundary=" + boundary).build();
    }

    public Response frames(String study, String series, String sop, String frameList) throws SQLException, IOException {
        List<Integer> numbers = new ArrayList<>();
        for (String f : frameList.split(",")) {
            try {
                int n = Integer.parseInt(f.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                numbers.add(n);
            } catch (NumberFormatException e) {
                return Errors.response(400, "frame list '" + frameList + "': '" + f + "' is not a frame number (from 1)");
            }
        }
        return frames(open(study, series, sop), numbers);
    }

    private Response frames(StoredValues values, List<Integer> numbers) throws IOException {
        FrameLocator frames = new FrameLocator(values);
        for (int n : numbers) {
            if (n > frames.frameCount()) {
                return Errors.response(404, "frame " + n + " does not exist: the instance has " + frames.frameCount());
            }
        }
        String partType = frames.encapsulated() ? OCTETS + "; transfer-syntax=" + valuesTs(values) : OCTETS;
        String boundary = MultipartWriter.newBoundary();
        return Response.ok((StreamingOutput) out -> {
            MultipartWriter mp = new MultipartWriter(out, boundary);
            for (int n : numbers) {
                values.writeAll(frames.frame(n), mp.part(Map.of("Content-Type", partType)));
            }
            mp.finish();
        }, "multipart/related; type=\"" + OCTETS + "\"; boundary=" + boundary).build();
    }

    private static String valuesTs(StoredValues values) {
        return values.transferSyntaxUID();
    }
}
