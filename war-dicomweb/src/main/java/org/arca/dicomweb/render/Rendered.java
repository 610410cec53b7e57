package org.arca.dicomweb.render;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arca.dicomweb.multipart.MultipartWriter;
import org.arca.dicomweb.rs.Errors;
import org.arca.dicomweb.wado.FrameLocator;
import org.arca.dicomweb.wado.StoredValues;
import org.arca.ejb.web.StoredObject;
import org.arca.ejb.web.WebArchive;

/**
 * Rendered and thumbnail resources (PS3.18 10.4.1.1.3, 10.4.1.1.4, 9 for WADO-URI). One image
 * is answered as image/jpeg or image/png; several (a study, a series, a multi-frame instance,
 * a frame list) as multipart/related of that type, one part per frame, rendered while sent.
 * A thumbnail is one frame: the first of the list, the instance's first, or of a study or
 * series the middle image of its first series; it fits 128x128 unless a viewport is given.
 */
public final class Rendered {
    private static final int THUMBNAIL = 128;

    private final WebArchive archive;

    public Rendered(WebArchive archive) {
        this.archive = archive;
    }

    /** One frame to render. */
    private record Frame(StoredValues values, FrameLocator locator, int number) {
    }

    /** The target of a rendered or thumbnail URL: {study}[/series/{uid}[/instances/{uid}[/frames/{list}]]]. */
    public record Target(String study, String series, String sop, String frames) {
        public static Target parse(String path) {
            String[] s = path.split("/");
            String[] names = {null, "series", null, "instances", null, "frames", null};
            boolean ok = s.length % 2 == 1 && s.length <= 7;
            for (int i = 1; ok && i < s.length; i += 2) {
                ok = s[i].equals(names[i]) && !s[i + 1].isEmpty();
            }
            if (!ok || s[0].isEmpty()) {
                throw Errors.exception(404, "no resource studies/" + path);
            }
            return new Target(s[0], s.length > 2 ? s[2] : null, s.length > 4 ? s[4] : null, s.length > 6 ? s[6] : null);
        }
    }

    public Response rendered(Target t, RenderOptions options) throws SQLException, IOException {
        return rendered(t.study(), t.series(), t.sop(), t.frames(), options);
    }

    public Response thumbnail(Target t, RenderOptions options) throws SQLException, IOException {
        return thumbnail(t.study(), t.series(), t.sop(), t.frames(), options);
    }

    public Response rendered(String study, String series, String sop, String frameList, RenderOptions options)
            throws SQLException, IOException {
        List<Frame> frames = new ArrayList<>();
        for (StoredObject o : locate(study, series, sop)) {
            StoredValues v = open(o);
            if (!FrameRenderer.isImage(v.dataset())) {
                if (sop != null) {
                    return Errors.response(406, "instance " + sop + " is not an image: nothing to render");
                }
                continue;
            }
            FrameLocator loc = new FrameLocator(v);
            for (int n : numbers(frameList, loc.frameCount())) {
                if (n > loc.frameCount()) {
                    return Errors.response(404, "frame " + n + " does not exist: the instance has " + loc.frameCount());
                }
                frames.add(new Frame(v, loc, n));
            }
        }
        if (frames.isEmpty()) {
            return Errors.response(404, "no image to render in " + describe(study, series, sop));
        }
        if (frames.size() == 1 && sop != null) { // a study or series is always a multipart response
            return single(frames.get(0), options);
        }
        String boundary = MultipartWriter.newBoundary();
        return Response.ok((StreamingOutput) out -> {
            MultipartWriter mp = new MultipartWriter(out, boundary);
            for (Frame f : frames) {
                byte[] image;
                try {
                    image = encode(f, options);
                } catch (FrameRenderer.NotRenderable e) {
                    throw new IOException(e.getMessage(), e); // the response has started: cut it off
                }
                mp.part(Map.of("Content-Type", options.mediaType())).write(image);
            }
            mp.finish();
        }, "multipart/related; type=\"" + options.mediaType() + "\"; boundary=" + boundary).build();
    }

    public Response thumbnail(String study, String series, String sop, String frameList, RenderOptions options)
            throws SQLException, IOException {
        List<StoredObject> objects = locate(study, series, sop);
        if (sop == null) {
            List<StoredObject> first = objects.stream().filter(o -> o.seriesUID().equals(objects.get(0).seriesUID()))
                    .toList();
            List<StoredObject> ordered = new ArrayList<>(List.of(first.get(first.size() / 2)));
            ordered.addAll(objects);
            for (StoredObject o : ordered) {
                StoredValues v = open(o);
                if (FrameRenderer.isImage(v.dataset())) {
                    return single(new Frame(v, new FrameLocator(v), 1), thumbnailOptions(v, options));
                }
            }
            return Errors.response(404, "no image in " + describe(study, series, null));
        }
        StoredValues v = open(objects.get(0));
        if (!FrameRenderer.isImage(v.dataset())) {
            return Errors.response(406, "instance " + sop + " is not an image: no thumbnail");
        }
        FrameLocator loc = new FrameLocator(v);
        return single(new Frame(v, loc, numbers(frameList, loc.frameCount()).get(0)), thumbnailOptions(v, options));
    }

    /** One frame of one instance, for WADO-URI. */
    public Response frame(String study, String series, String sop, int frame, RenderOptions options)
            throws SQLException, IOException {
        StoredValues v = open(locate(study, series, sop).get(0));
        if (!FrameRenderer.isImage(v.dataset())) {
            return Errors.response(406, "object " + sop + " is not an image: it has no rendered form");
        }
        return single(new Frame(v, new FrameLocator(v), numbers(String.valueOf(frame), Integer.MAX_VALUE).get(0)),
                options);
    }

    private static RenderOptions thumbnailOptions(StoredValues v, RenderOptions options) {
        int rows = v.dataset().getInt(org.arca.dicom.dict.Tag.Rows, 0);
        int cols = v.dataset().getInt(org.arca.dicom.dict.Tag.Columns, 0);
        return rows <= THUMBNAIL && cols <= THUMBNAIL ? options : options.withViewportIfAbsent(THUMBNAIL, THUMBNAIL);
    }

    private Response single(Frame f, RenderOptions options) throws IOException {
        if (f.number() > f.locator().frameCount()) {
            return Errors.response(404, "frame " + f.number() + " does not exist: the instance has "
                    + f.locator().frameCount());
        }
        try {
            byte[] image = encode(f, options);
            return Response.ok(image, options.mediaType()).build();
        } catch (FrameRenderer.NotRenderable e) {
            return Errors.response(406, e.getMessage());
        }
    }

    private static byte[] encode(Frame f, RenderOptions options) throws IOException, FrameRenderer.NotRenderable {
        StoredValues v = f.values();
        byte[] frame = v.readAll(f.locator().frame(f.number()));
        BufferedImage img = new FrameRenderer(v.dataset(), v.transferSyntaxUID(), v::read).render(frame, options.window());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageOutput.write(ImageOutput.viewport(img, options.viewport()), options.mediaType(), options.quality(), out);
        return out.toByteArray();
    }

    private List<StoredObject> locate(String study, String series, String sop) throws SQLException {
        List<StoredObject> objects = archive.index().locate(study, series, sop);
        if (objects.isEmpty()) {
            throw Errors.exception(404, "no instances stored for " + describe(study, series, sop));
        }
        return objects;
    }

    private StoredValues open(StoredObject o) throws IOException {
        return new StoredValues(archive.storages().storageById(o.location().storageId()), o);
    }

    /** The frame numbers of a list ("1,3"), or all frames when there is none; 400 for a bad entry. */
    private static List<Integer> numbers(String frameList, int frameCount) {
        List<Integer> result = new ArrayList<>();
        if (frameList == null) {
            for (int i = 1; i <= frameCount; i++) {
                result.add(i);
            }
            return result;
        }
        for (String f : frameList.split(",")) {
            try {
                int n = Integer.parseInt(f.trim());
                if (n >= 1) {
                    result.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw Errors.exception(400, "frame list '" + frameList + "': '" + f + "' is not a frame number (from 1)");
        }
        return result;
    }

    private static String describe(String study, String series, String sop) {
        return "study " + study + (series == null ? "" : ", series " + series) + (sop == null ? "" : ", instance " + sop);
    }
}
