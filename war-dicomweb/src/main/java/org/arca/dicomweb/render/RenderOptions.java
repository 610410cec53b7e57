package org.arca.dicomweb.render;

import java.util.List;
import org.arca.dicomweb.multipart.ContentType;
import org.arca.dicomweb.rs.Errors;

/**
 * The rendering parameters of PS3.18 8.3.5.1 as this server honours them: {@code window}
 * (center,width[,function]), {@code viewport} (vw,vh[,sx,sy,sw,sh]: the source region, then
 * scaled to fit vw x vh with its aspect ratio kept), {@code quality} (1..100, JPEG), and the
 * media type (image/jpeg by default, or image/png). A malformed value is a 400 naming the
 * parameter; an Accept without image/jpeg or image/png a 406.
 */
public record RenderOptions(String mediaType, VoiWindow window, int[] viewport, int quality) {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** From the query parameters of a rendered or thumbnail request (null for absent ones). */
    public static RenderOptions of(String accept, String acceptParam, String window, String viewport, String quality) {
        return new RenderOptions(mediaType(acceptParam != null ? acceptParam : accept),
                window == null || window.isEmpty() ? null : window(window), viewport(viewport), quality(quality));
    }

    public RenderOptions withViewportIfAbsent(int w, int h) {
        return viewport != null ? this : new RenderOptions(mediaType, window, new int[] {w, h}, quality);
    }

    static VoiWindow window(String value) {
        try {
            return VoiWindow.parse(value);
        } catch (IllegalArgumentException e) {
            throw Errors.exception(400, "query parameter window=" + value + ": " + e.getMessage());
        }
    }

    static int[] viewport(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String[] p = value.split(",", -1);
        if (p.length != 2 && p.length != 6) {
            throw Errors.exception(400, "query parameter viewport=" + value + ": vw,vh or vw,vh,sx,sy,sw,sh");
        }
        int[] v = new int[p.length];
        try {
            for (int i = 0; i < p.length; i++) {
                v[i] = p[i].isBlank() ? -1 : Integer.parseInt(p[i].trim());
            }
        } catch (NumberFormatException e) {
            throw Errors.exception(400, "query parameter viewport=" + value + ": integers expected");
        }
        if (v[0] < 1 || v[1] < 1 || v[0] > 8192 || v[1] > 8192) {
            throw Errors.exception(400, "query parameter viewport=" + value + ": vw and vh from 1 to 8192");
        }
        return v;
    }

    static int quality(String value) {
        if (value == null || value.isEmpty()) {
            return 90;
        }
        try {
            int q = Integer.parseInt(value.trim());
            if (q >= 1 && q <= 100) {
                return q;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Errors.exception(400, "query parameter quality=" + value + ": an integer from 1 to 100");
    }

    /** image/jpeg or image/png from an Accept list (or the accept query parameter); 406 if neither. */
    static String mediaType(String accept) {
        List<ContentType> entries = ContentType.parseList(accept);
        if (entries.isEmpty()) {
            return JPEG;
        }
        for (ContentType ct : entries) {
            String t = ct.mediaType();
            if (t.equals("multipart/related") && ct.parameter("type") != null) {
                t = ContentType.parse(ct.parameter("type")).mediaType();
            }
            if (t.equals(JPEG) || t.equals("image/*") || t.equals("*/*") || t.equals("multipart/related")) {
                return JPEG;
            }
            if (t.equals(PNG)) {
                return PNG;
            }
        }
        throw Errors.exception(406, "Accept " + accept + ": rendered images are image/jpeg or image/png");
    }
}
