package org.arca.dicomweb.render;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.ImageIO;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicom.dict.UID;

/**
 * Turns the bytes of one frame into an 8-bit image for display: monochrome through the
 * Modality LUT (rescale) and a VOI window (the request's, else the object's first Window
 * Center/Width, else the frame's value range), MONOCHROME1 inverted; RGB, YBR_FULL(_422) and
 * PALETTE COLOR to RGB. Uncompressed frames are read directly, JPEG baseline/extended (8-bit)
 * frames are decoded by javax.imageio. Anything else is {@link NotRenderable}.
 */
public final class FrameRenderer {
    private static final Set<String> UNCOMPRESSED = Set.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian, "1.2.840.10008.1.2.1.99");
    private static final Set<String> JPEG = Set.of(UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit);

    /** The frame cannot be rendered here (transfer syntax, photometric interpretation or bit depth). */
    public static final class NotRenderable extends Exception {
        NotRenderable(String message) {
            super(message);
        }
    }

    /** Reads values that the data set holds by reference (palette LUT data). */
    public interface ValueReader {
        byte[] read(Object value) throws IOException;
    }

    private final Attributes ds;
    private final String tsuid;
    private final ValueReader reader;
    private final int rows;
    private final int cols;
    private final String photometric;

    public FrameRenderer(Attributes ds, String tsuid, ValueReader reader) {
        this.ds = ds;
        this.tsuid = tsuid;
        this.reader = reader;
        this.rows = ds.getInt(Tag.Rows, 0);
        this.cols = ds.getInt(Tag.Columns, 0);
        this.photometric = ds.getString(Tag.PhotometricInterpretation, "MONOCHROME2").trim();
    }

    public static boolean isImage(Attributes ds) {
        return ds.getInt(Tag.Rows, 0) > 0 && ds.getInt(Tag.Columns, 0) > 0;
    }

    public BufferedImage render(byte[] frame, VoiWindow window) throws NotRenderable, IOException {
        if (UNCOMPRESSED.contains(tsuid)) {
            return uncompressed(frame, window);
        }
        if (JPEG.contains(tsuid)) {
            return jpeg(frame, window);
        }
        throw new NotRenderable("frames in transfer syntax " + tsuid + " are not rendered (uncompressed and JPEG"
                + " baseline/extended 8-bit are)");
    }

    private BufferedImage uncompressed(byte[] frame, VoiWindow window) throws NotRenderable, IOException {
        int spp = ds.getInt(Tag.SamplesPerPixel, 1);
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 16);
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new NotRenderable("Bits Allocated " + bitsAllocated + " is not rendered");
        }
        Samples s = new Samples(frame, bitsAllocated, ds.getInt(Tag.BitsStored, bitsAllocated),
                ds.getInt(Tag.HighBit, ds.getInt(Tag.BitsStored, bitsAllocated) - 1),
                ds.getInt(Tag.PixelRepresentation, 0) == 1, UID.ExplicitVRBigEndian.equals(tsuid));
        int n = rows * cols;
        if (s.count() < (long) n * (photometric.endsWith("_422") ? 2 : spp)) {
            throw new NotRenderable("the frame has " + frame.length + " bytes, fewer than " + rows + "x" + cols
                    + "x" + spp + " samples");
        }
        if (spp == 1 && photometric.startsWith("MONOCHROME")) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = s.get(i);
            }
            return monochrome(v, window);
        }
        if (spp == 1 && photometric.equals("PALETTE COLOR")) {
            return new Palette(ds, reader).apply(s, rows, cols);
        }
        if (spp == 3) {
            return ColorFrames.toRgb(s, rows, cols, photometric, ds.getInt(Tag.PlanarConfiguration, 0));
        }
        throw new NotRenderable("Photometric Interpretation " + photometric + " with " + spp
                + " samples per pixel is not rendered");
    }

    private BufferedImage jpeg(byte[] frame, VoiWindow window) throws NotRenderable, IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(frame));
        } catch (IOException | RuntimeException e) {
            throw new NotRenderable("the JPEG frame cannot be decoded here: " + e.getMessage());
        }
        if (img == null) {
            throw new NotRenderable("no JPEG decoder took the frame");
        }
        if (img.getRaster().getNumBands() != 1) {
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            return rgb;
        }
        Raster r = img.getRaster();
        double[] v = new double[img.getWidth() * img.getHeight()];
        r.getPixels(0, 0, img.getWidth(), img.getHeight(), v);
        return monochrome(v, img.getWidth(), img.getHeight(), window, true);
    }

    private BufferedImage monochrome(double[] stored, VoiWindow window) {
        return monochrome(stored, cols, rows, window, false);
    }

    private BufferedImage monochrome(double[] v, int width, int height, VoiWindow window, boolean decoded8) {
        double slope = ds.getDouble(Tag.RescaleSlope, 1);
        double intercept = ds.getDouble(Tag.RescaleIntercept, 0);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * slope + intercept;
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        VoiWindow w = window != null ? window : defaultWindow(min, max, decoded8 && slope == 1 && intercept == 0);
        boolean invert = photometric.equals("MONOCHROME1");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < v.length; i++) {
            int y = w.apply(v[i]);
            out[i] = (byte) (invert ? 255 - y : y);
        }
        return img;
    }

    /** The object's first Window Center/Width; else 8-bit as it is; else the frame's value range. */
    private VoiWindow defaultWindow(double min, double max, boolean eightBit) {
        double[] c = ds.getDoubles(Tag.WindowCenter);
        double[] w = ds.getDoubles(Tag.WindowWidth);
        String function = ds.getString(Tag.VOILUTFunction);
        if (c != null && w != null && c.length > 0 && w.length > 0 && w[0] >= 1) {
            try {
                return new VoiWindow(c[0], w[0], function);
            } catch (IllegalArgumentException e) {
                return new VoiWindow(c[0], w[0], null);
            }
        }
        if (eightBit) {
            return new VoiWindow(128, 256, "LINEAR");
        }
        return new VoiWindow((min + max) / 2, Math.max(max - min, 1e-6), "LINEAR_EXACT");
    }
}
