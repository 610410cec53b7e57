package org.arca.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.arca.ejb.storage.transform.ForwardingStorage;
import org.arca.ldap.config.StorageDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the transforms leave at rest, and that damaged or foreign ciphertext is refused, on both providers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransformAtRestTest {
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

    static final byte[] TEXT = "PatientName=Doe^John ".repeat(5000).getBytes(StandardCharsets.US_ASCII);

    /** The transformed storage and the bare one below it (same directory or bucket). */
    Storage[] pair(String kind) throws IOException {
        StorageDescriptor d = StorageKinds.descriptor(kind, tmp, s3);
        Storage t = storages.storage(d);
        return new Storage[] {t, bottom(t)};
    }

    static Storage bottom(Storage s) {
        while (s instanceof ForwardingStorage f) {
            s = f.delegate();
        }
        return s;
    }

    static byte[] read(Storage s, String path) throws IOException {
        try (InputStream in = s.open(path)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file+gzip", "s3+gzip"})
    void gzipAtRestIsStandardGzip(String kind) throws Exception {
        Storage[] s = pair(kind);
        s[0].store("o", new ByteArrayInputStream(TEXT));
        byte[] atRest = read(s[1], "o");
        assertTrue(atRest.length < TEXT.length / 10, "compressed: " + atRest.length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(atRest))) {
            assertArrayEquals(TEXT, in.readAllBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file+aes", "s3+aes"})
    void ciphertextHidesTheDataAndRefusesTamperingTruncationAndOtherKeys(String kind) throws Exception {
        Storage[] s = pair(kind);
        s[0].store("o", new ByteArrayInputStream(TEXT));
        byte[] atRest = read(s[1], "o");
        assertFalse(new String(atRest, StandardCharsets.ISO_8859_1).contains("Doe^John"));
        assertArrayEquals(TEXT, read(s[0], "o"));

        byte[] flipped = atRest.clone();
        flipped[flipped.length / 2] ^= 1;
        int segment = 4096 + 16; // StorageKinds uses 4 KiB segments
        byte[] cut = Arrays.copyOf(atRest, 16 + 3 * segment); // ends on a segment boundary
        for (var damaged : List.of(flipped, cut)) {
            String path = "damaged" + damaged.length;
            s[1].store(path, new ByteArrayInputStream(damaged));
            assertThrows(IOException.class, () -> read(s[0], path));
        }
        StorageDescriptor other = StorageKinds.descriptor(kind, tmp, s3);
        other.getProperties().put("encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
        Storage otherKey = storages.storage(other);
        bottom(otherKey).store("o", new ByteArrayInputStream(atRest));
        assertThrows(IOException.class, () -> read(otherKey, "o"));
        assertEquals(16 + (TEXT.length / 4096 + 1) * 16 + TEXT.length, atRest.length, "header + one tag per segment");
    }
}
