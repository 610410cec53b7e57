package org.arca.dicomweb.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.arca.dicom.data.Attributes;
import org.arca.dicom.dict.Tag;
import org.arca.dicomweb.render.FrameRenderer.NotRenderable;

/** PALETTE COLOR (PS3.3 C.7.6.3.1.5): the red, green and blue LUTs applied to the stored values. */
final class Palette {
    private final int entries;
    private final int firstMapped;
    private final int[][] lut = new int[3][];

    Palette(Attributes ds, FrameRenderer.ValueReader reader) throws NotRenderable, IOException {
        int[] d = ds.getInts(Tag.RedPaletteColorLookupTableDescriptor);
        if (d == null || d.length < 3) {
            throw new NotRenderable("PALETTE COLOR without Red Palette Color Lookup Table Descriptor");
        }
        entries = d[0] == 0 ? 65536 : d[0] & 0xFFFF;
        firstMapped = d[1];
        int[] data = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
            Tag.BluePaletteColorLookupTableData};
        for (int c = 0; c < 3; c++) {
            Object v = ds.getValue(data[c]);
            if (v == null) {
                throw new NotRenderable("PALETTE COLOR without (segmented palettes are not rendered) LUT data");
            }
            byte[] b = reader.read(v);
            int[] t = new int[entries];
            boolean words = b.length >= 2 * entries;
            for (int i = 0; i < entries && (words ? 2 * i + 1 : i) < b.length; i++) {
                // 16-bit entries: the high byte; 8-bit entries packed one per byte
                t[i] = words ? (d[2] > 8 ? b[2 * i + 1] & 0xFF : b[2 * i] & 0xFF) : b[i] & 0xFF;
            }
            lut[c] = t;
        }
    }

    BufferedImage apply(Samples s, int rows, int cols) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int[] out = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rows * cols; i++) {
            int idx = (int) Math.max(0, Math.min(entries - 1, s.get(i) - firstMapped));
            out[i] = lut[0][idx] << 16 | lut[1][idx] << 8 | lut[2][idx];
        }
        return img;
    }
}
