package org.arca.ejb.storage.jclouds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.S3Proxy;
import org.arca.ldap.config.Enums;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * No HEAD before a new object where the store refuses to replace (S3Proxy's file system backend
 * honours If-None-Match): a taken path is found at commit, and only commitPerPolicy with
 * RANDOM_PATH moves the object, never over the stored one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionalPutTest {
    S3Proxy s3;
    int seq;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        s3 = S3Proxy.start(dir);
    }

    @AfterAll
    void stop() throws Exception {
        s3.close();
    }

    JcloudsStorage storage(Enums.OnPathAlreadyExists policy, String existenceCheck) throws IOException {
        StorageDescriptor d = s3.descriptor("s3", "conditional-" + ++seq).setOnPathAlreadyExists(policy);
        d.getProperties().put("part-size", String.valueOf(5 << 20));
        d.getProperties().put("existence-check", existenceCheck);
        return (JcloudsStorage) new JcloudsStorageProvider().open(d);
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] read(JcloudsStorage s, String path) throws IOException {
        try (InputStream in = s.open(path)) {
            return in.readAllBytes();
        }
    }

    /** Writes {@code data} to a taken path: create() must not look, commit() must refuse. */
    static void assertCommitRefused(JcloudsStorage s, String path, byte[] data) throws IOException {
        try (ObjectWriter w = s.create(path)) { // no FileAlreadyExistsException here: no HEAD
            w.stream().write(data);
            assertThrows(FileAlreadyExistsException.class, w::commit);
        }
    }

    @Test
    void takenPathIsRefusedAtCommitAndMovedOnlyPerPolicy() throws Exception {
        try (JcloudsStorage s = storage(Enums.OnPathAlreadyExists.RANDOM_PATH, "auto")) {
            byte[] first = random(1000, 1);
            s.store("a/b", new ByteArrayInputStream(first));
            for (int size : new int[] {1000, 11 * 1024 * 1024}) { // single PUT, multipart
                byte[] second = random(size, 2);
                assertCommitRefused(s, "a/b", second);
                String moved;
                try (ObjectWriter w = s.create("a/b")) {
                    w.stream().write(second);
                    moved = w.commitPerPolicy("a/b");
                }
                assertTrue(moved.matches("a/b\\.[0-9A-F]{8}"), moved);
                assertArrayEquals(second, read(s, moved));
                assertArrayEquals(first, read(s, "a/b"), "the stored object is never replaced");
                s.delete(moved);
            }
            try (ObjectWriter w = s.create("a/new")) {
                w.stream().write(first);
                assertEquals("a/new", w.commitPerPolicy("a/new"), "a free path stays");
            }
            try (Stream<String> all = s.objects("")) {
                assertEquals(java.util.List.of("a/b", "a/new"), all.sorted().toList(), "no probe or part left");
            }
        }
    }

    @Test
    void withoutRandomPathTheCommitFails() throws Exception {
        try (JcloudsStorage s = storage(Enums.OnPathAlreadyExists.FAILURE, "auto")) {
            s.store("x", new ByteArrayInputStream(random(10, 3)));
            try (ObjectWriter w = s.create("x")) {
                w.stream().write(random(10, 4));
                assertThrows(FileAlreadyExistsException.class, () -> w.commitPerPolicy("x"));
            }
            assertArrayEquals(random(10, 3), read(s, "x"));
        }
    }

    @Test
    void existenceCheckHeadLooksBeforeWriting() throws Exception {
        try (JcloudsStorage s = storage(Enums.OnPathAlreadyExists.RANDOM_PATH, "head")) {
            s.store("x", new ByteArrayInputStream(random(10, 3)));
            assertThrows(FileAlreadyExistsException.class, () -> s.create("x"));
            try (ObjectWriter w = s.create("y")) {
                w.stream().write(random(10, 5));
                assertNotEquals(null, w.commitPerPolicy("y"));
            }
        }
    }
}
