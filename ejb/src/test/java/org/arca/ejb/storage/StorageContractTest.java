package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every storage promises, on the file system and on S3 (S3Proxy), bare and with transforms. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageContractTest {
    @TempDir
    Path tmp;
    S3Proxy s3;
    final Storages storages = new Storages();

    @BeforeAll
    void startS3(@TempDir Path dir) throws Exception {
        s3 = S3Proxy.start(dir);
    }

    @AfterAll
    void stopS3() throws Exception {
        storages.close();
        s3.close();
    }

    static List<String> kinds() {
        return StorageKinds.ALL;
    }

    Storage storage(String kind) throws IOException {
        return storages.storage(StorageKinds.descriptor(kind, tmp, s3));
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] read(Storage s, String path) throws IOException {
        try (InputStream in = s.open(path)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void storesAndReadsBack(String kind) throws Exception {
        Storage s = storage(kind);
        byte[] small = random(100_000, 1);
        assertEquals(small.length, s.store("a/b/small.dcm", new ByteArrayInputStream(small)));
        assertArrayEquals(small, read(s, "a/b/small.dcm"));
        byte[] empty = new byte[0];
        s.store("a/empty", new ByteArrayInputStream(empty));
        assertArrayEquals(empty, read(s, "a/empty"));
        assertTrue(s.exists("a/b/small.dcm"));
        assertFalse(s.exists("a/b/other.dcm"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> read(s, "a/b/other.dcm"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void bigObjectGoesUpInPartsAndComesBackWhole(String kind) throws Exception {
        Storage s = storage(kind);
        byte[] big = random(17 * 1024 * 1024 + 123, 2); // 4 parts of 5 MiB, the last one short
        try (ObjectWriter w = s.create("big/object")) {
            OutputStream out = w.stream();
            for (int off = 0; off < big.length; off += 100_000) { // as a network stream arrives
                out.write(big, off, Math.min(100_000, big.length - off));
            }
            assertFalse(s.exists("big/object"), "not visible before commit");
            w.commit();
        }
        assertArrayEquals(big, read(s, "big/object"));
        // ranges: within a part/segment, across part and segment boundaries, to the end, past the end
        long[][] ranges = {{0, 10}, {4095, 2}, {5 * 1024 * 1024 - 5, 10}, {1_000_000, 3_000_000},
                {big.length - 7, -1}, {big.length - 7, 100}, {big.length + 10, 5}};
        for (long[] r : ranges) {
            int from = (int) Math.min(r[0], big.length);
            int to = r[1] < 0 ? big.length : (int) Math.min(big.length, r[0] + r[1]);
            byte[] expected = Arrays.copyOfRange(big, from, Math.max(from, to));
            try (InputStream in = s.open("big/object", r[0], r[1])) {
                assertArrayEquals(expected, in.readAllBytes(), kind + " range " + r[0] + "+" + r[1]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void neverOverwritesAndDiscardsWhatWasNotCommitted(String kind) throws Exception {
        Storage s = storage(kind);
        byte[] first = random(1000, 3);
        s.store("x/y", new ByteArrayInputStream(first));
        assertThrows(FileAlreadyExistsException.class, () -> { // from create, or from commit (S3)
            try (ObjectWriter w = s.create("x/y")) {
                w.stream().write(random(10, 5));
                w.commit();
            }
        });
        assertArrayEquals(first, read(s, "x/y"));
        for (int size : new int[] {1000, 11 * 1024 * 1024}) { // single PUT and multipart
            try (ObjectWriter w = s.create("x/discarded" + size)) {
                w.stream().write(random(size, 4));
            }
            assertFalse(s.exists("x/discarded" + size));
        }
        try (Stream<String> all = s.objects("")) {
            assertEquals(List.of("x/y"), all.toList());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void walksAllObjectsAndListsOneLevel(String kind) throws Exception {
        Storage s = storage(kind);
        for (String p : List.of("a/b/1", "a/b/2", "a/c/3", "d/4", "e")) {
            s.store(p, new ByteArrayInputStream(p.getBytes()));
        }
        try (Stream<String> all = s.objects("")) {
            assertEquals(List.of("a/b/1", "a/b/2", "a/c/3", "d/4", "e"), all.sorted().toList());
        }
        try (Stream<String> below = s.objects("a/")) {
            assertEquals(List.of("a/b/1", "a/b/2", "a/c/3"), below.sorted().toList());
        }
        try (Stream<String> top = s.list("")) {
            assertEquals(List.of("a/", "d/", "e"), top.sorted().toList());
        }
        try (Stream<String> a = s.list("a/")) {
            assertEquals(List.of("a/b/", "a/c/"), a.sorted().toList());
        }
        try (Stream<String> ab = s.list("a/b/")) {
            assertEquals(List.of("a/b/1", "a/b/2"), ab.sorted().toList());
        }
        try (Stream<String> none = s.objects("zz/")) {
            assertEquals(0, none.count());
        }
        s.delete("a/b/1");
        s.delete("a/b/1"); // a missing object is not an error
        assertFalse(s.exists("a/b/1"));
        try (Stream<String> below = s.objects("a/")) {
            assertEquals(List.of("a/b/2", "a/c/3"), below.sorted().toList());
        }
    }
}
