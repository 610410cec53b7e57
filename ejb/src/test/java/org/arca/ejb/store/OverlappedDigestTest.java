package org.arca.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OverlappedDigestTest {

    @Test
    void digestsAndPassesOnEveryByteInOrder() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 12345];
        new Random(7).nextBytes(data);
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            for (int step : new int[] {1, 1000, 64 * 1024, 200_000, data.length}) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                OverlappedDigest out = new OverlappedDigest(sink, MessageDigest.getInstance("MD5"), executor);
                int off = 0;
                if (step == 1) { // the write(int) path for the first kilobyte
                    for (; off < 1024; off++) {
                        out.write(data[off]);
                    }
                }
                for (; off < data.length; off += step) {
                    out.write(data, off, Math.min(step, data.length - off));
                }
                String expected = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
                assertEquals(expected, out.hex(), "writes of " + step);
                assertArrayEquals(data, sink.toByteArray());
            }
        } finally {
            executor.shutdown();
        }
    }
}
