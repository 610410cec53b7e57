package org.arca.dicomweb.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Viewport (region and scale) and encoding of a rendered frame as JPEG or PNG (javax.imageio). */
public final class ImageOutput {
    private ImageOutput() {
    }

    /** The region {@code sx,sy,sw,sh} of the viewport (if given) scaled to fit {@code vw x vh}, aspect kept. */
    public static BufferedImage viewport(BufferedImage img, int[] vp) {
        if (vp == null) {
            return img;
        }
        int sx = 0;
        int sy = 0;
        int sw = img.getWidth();
        int sh = img.getHeight();
        if (vp.length == 6) {
            sx = clamp(vp[2] < 0 ? 0 : vp[2], img.getWidth() - 1);
            sy = clamp(vp[3] < 0 ? 0 : vp[3], img.getHeight() - 1);
            sw = vp[4] <= 0 ? img.getWidth() - sx : Math.min(vp[4], img.getWidth() - sx);
            sh = vp[5] <= 0 ? img.getHeight() - sy : Math.min(vp[5], img.getHeight() - sy);
        }
        double scale = Math.min((double) vp[0] / sw, (double) vp[1] / sh);
        int w = Math.max(1, (int) Math.round(sw * scale));
        int h = Math.max(1, (int) Math.round(sh * scale));
        if (w == img.getWidth() && h == img.getHeight() && sx == 0 && sy == 0) {
            return img;
        }
        BufferedImage out = new BufferedImage(w, h, img.getType());
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
        g.dispose();
        return out;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    public static void write(BufferedImage img, String mediaType, int quality, OutputStream out) throws IOException {
        if (RenderOptions.PNG.equals(mediaType)) {
            ImageIO.write(img, "png", out);
            return;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
