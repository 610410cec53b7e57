package org.arca.ejb.storage.jclouds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkBufferTest {

    @Test
    void keepsBytesAcrossChunkBoundariesInOrder() throws Exception {
        byte[] data = new byte[3 * ChunkBuffer.CHUNK_SIZE + 17];
        new Random(7).nextBytes(data);
        ChunkBuffer b = new ChunkBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int off = 0;
        // odd write sizes, some smaller and some larger than a chunk
        for (int n : new int[] {1, 100, ChunkBuffer.CHUNK_SIZE - 101, ChunkBuffer.CHUNK_SIZE + 5, 3}) {
            b.append(data, off, n);
            expected.write(data, off, n);
            off += n;
        }
        b.append(data, off, data.length - off);
        expected.write(data, off, data.length - off);
        assertEquals(data.length, b.size());
        assertArrayEquals(expected.toByteArray(), b.bytes().read());
        assertArrayEquals(data, b.bytes().read(), "repeatable: a retried request reads it again");
    }

    @Test
    void emptyBufferIsAnEmptySource() throws Exception {
        ChunkBuffer b = new ChunkBuffer();
        assertEquals(0, b.size());
        assertEquals(0, b.bytes().read().length);
    }
}
