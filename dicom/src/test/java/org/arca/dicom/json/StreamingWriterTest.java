package org.arca.dicom.json;

import org.arca.dicom.data.Attributes;
import org.arca.dicom.data.Sequence;
import org.arca.dicom.data.VR;
import org.arca.dicom.xml.DicomXmlWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writers stream: a sequence of 100,000 items (twice, about 45 MB of JSON) is written to a
 * sink that only counts, and the heap in use after a full GC, sampled every few MB of output,
 * does not grow beyond a small constant: nothing accumulates the document.
 */
class StreamingWriterTest {

    private static final int ITEMS = 100_000;
    private static final long MAX_GROWTH = 4 << 20;

    @Test
    void jsonOfAHugeSequenceIsWrittenWithoutHoldingIt() throws IOException {
        Attributes a = syntheticDataset(ITEMS);
        long baseline = usedAfterGc();
        long[] chars = {0, 0};
        Writer counting = new Writer() {
            private long nextSample = 5_000_000;

            @Override
            public void write(char[] buf, int off, int len) {
                chars[0] += len;
                if (chars[0] >= nextSample) {
                    nextSample += 5_000_000;
                    chars[1] = Math.max(chars[1], usedAfterGc() - baseline);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        DicomJsonWriter w = new DicomJsonWriter(counting);
        w.beginArray();
        w.write(a);
        w.write(a);
        w.endArray();
        w.flush();
        assertTrue(chars[0] > 2L * ITEMS * 150, "wrote " + chars[0] + " characters");
        assertTrue(chars[1] < MAX_GROWTH, "heap grew by " + chars[1] + " bytes while writing " + chars[0] + " characters");
        assertEquals(ITEMS, a.getSequence(0x00081115).size());
    }

    @Test
    void xmlOfAHugeSequenceIsWrittenWithoutHoldingIt() throws IOException {
        Attributes a = syntheticDataset(ITEMS / 4);
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        new DicomXmlWriter(counting).write(a);
        assertTrue(bytes[0] > ITEMS / 4 * 250L, "wrote " + bytes[0] + " bytes");
    }

    /** A series-like data set: one sequence with {@code n} items of a few attributes each. */
    static Attributes syntheticDataset(int n) {
        Attributes a = new Attributes();
        a.setString(0x00080005, VR.CS, "ISO_IR 192");
        a.setString(0x00100010, VR.PN, "Müller^Jürgen");
        Sequence seq = a.newSequence(0x00081115);
        for (int i = 0; i < n; i++) {
            Attributes item = seq.addItem();
            item.setString(0x00081150, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            item.setString(0x00081155, VR.UI, "1.2.826.0.1.3680043.8.498." + i);
            item.setInt(0x00200013, VR.IS, i);
            item.setDouble(0x00200032, VR.DS, -175.5, -180.25, i * 1.25);
        }
        return a;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
