package org.arca.dicomweb.render;

import java.awt.image.BufferedImage;
import org.arca.dicomweb.render.FrameRenderer.NotRenderable;

/** Uncompressed three-sample frames to RGB: RGB, YBR_FULL and YBR_FULL_422 (PS3.3 C.7.6.3.1.2). */
final class ColorFrames {
    private ColorFrames() {
    }

    static BufferedImage toRgb(Samples s, int rows, int cols, String photometric, int planar) throws NotRenderable {
        int n = rows * cols;
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int[] out = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        switch (photometric) {
            case "RGB", "YBR_FULL" -> {
                boolean ybr = photometric.equals("YBR_FULL");
                for (int i = 0; i < n; i++) {
                    int a = planar == 1 ? s.get8(i) : s.get8(3 * i);
                    int b = planar == 1 ? s.get8(n + i) : s.get8(3 * i + 1);
                    int c = planar == 1 ? s.get8(2 * n + i) : s.get8(3 * i + 2);
                    out[i] = ybr ? ybr(a, b, c) : a << 16 | b << 8 | c;
                }
            }
            case "YBR_FULL_422" -> {
                // two horizontally adjacent pixels share Cb and Cr: Y1 Y2 Cb Cr
                for (int i = 0; i + 1 < n; i += 2) {
                    int base = i * 2;
                    int cb = s.get8(base + 2);
                    int cr = s.get8(base + 3);
                    out[i] = ybr(s.get8(base), cb, cr);
                    out[i + 1] = ybr(s.get8(base + 1), cb, cr);
                }
            }
            default -> throw new NotRenderable("Photometric Interpretation " + photometric + " is not rendered");
        }
        return img;
    }

    private static int ybr(int y, int cb, int cr) {
        int r = clamp(y + 1.402 * (cr - 128));
        int g = clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
        int b = clamp(y + 1.772 * (cb - 128));
        return r << 16 | g << 8 | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
