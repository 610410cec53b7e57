package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB into S3 and back with the heap capped at 256 MB (this class runs in its own surefire
 * execution with -Xmx256m): neither the multipart upload nor the read may hold the object.
 * The content is generated block by block from a seed and compared the same way.
 */
@Tag("large")
class S3LargeObjectTest {
    static final long SIZE = 1L << 30;
    static final int BLOCK = 1 << 20;

    /** Block {@code i} of the object, the same on every call. */
    static void block(long i, byte[] b) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        for (int k = 0; k < b.length; k += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8; j++) {
                b[k + j] = (byte) (v >>> (8 * j));
            }
        }
    }

    /** The generated object as a stream, never in memory as a whole. */
    static InputStream generated() {
        return new InputStream() {
            final byte[] buf = new byte[BLOCK];
            long blockIndex = -1;
            long pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= SIZE) {
                    return -1;
                }
                long bi = pos / BLOCK;
                if (bi != blockIndex) {
                    block(bi, buf);
                    blockIndex = bi;
                }
                int inBlock = (int) (pos % BLOCK);
                int n = (int) Math.min(Math.min(len, BLOCK - inBlock), SIZE - pos);
                System.arraycopy(buf, inBlock, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void oneGigabyteInAndOutWithin256MbOfHeap(@TempDir Path dir) throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 256L << 20,
                "must run with -Xmx256m, has " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        try (S3Proxy s3 = S3Proxy.start(dir); Storages storages = new Storages()) {
            StorageDescriptor d = s3.descriptor("big", "large-objects"); // default part size and parallelism
            Storage s = storages.storage(d);
            long t0 = System.nanoTime();
            assertEquals(SIZE, s.store("one/gigabyte", generated()));
            long t1 = System.nanoTime();
            byte[] expected = new byte[BLOCK];
            byte[] got = new byte[BLOCK];
            long read = 0;
            try (InputStream in = s.open("one/gigabyte")) {
                for (long bi = 0; ; bi++) {
                    int n = in.readNBytes(got, 0, BLOCK);
                    if (n == 0) {
                        break;
                    }
                    block(bi, expected);
                    assertTrue(Arrays.equals(expected, 0, n, got, 0, n), "block " + bi + " differs");
                    read += n;
                }
            }
            long t2 = System.nanoTime();
            assertEquals(SIZE, read);
            try (InputStream tail = s.open("one/gigabyte", SIZE - BLOCK, BLOCK)) {
                block(SIZE / BLOCK - 1, expected);
                assertTrue(Arrays.equals(expected, tail.readAllBytes()), "range read of the last MiB");
            }
            System.out.printf("1 GiB to S3 in %.1f s, back in %.1f s, heap max %d MB%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
