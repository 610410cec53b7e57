package org.arca.ejb.storage.jclouds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.arca.ejb.storage.ObjectWriter;
import org.arca.ejb.storage.S3Proxy;
import org.arca.ldap.config.StorageDescriptor;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What only the S3 provider has to prove: multipart, abort, paging, failures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JcloudsStorageTest {
    S3Proxy s3;
    BlobStoreContext raw; // a second client, to look at the bucket behind the provider's back
    int seq;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        s3 = S3Proxy.start(dir);
        raw = ContextBuilder.newBuilder("s3").endpoint(s3.endpoint()).credentials(S3Proxy.IDENTITY, S3Proxy.CREDENTIAL)
                .overrides(JcloudsSettings.of(s3.descriptor("x", "x")).overrides()).buildView(BlobStoreContext.class);
    }

    @AfterAll
    void stop() throws Exception {
        raw.close();
        s3.close();
    }

    JcloudsStorage storage() throws IOException {
        StorageDescriptor d = s3.descriptor("s3", "jclouds-test-" + ++seq);
        d.getProperties().put("part-size", String.valueOf(5 << 20));
        return (JcloudsStorage) new JcloudsStorageProvider().open(d);
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void bigObjectIsAMultipartUploadOfPartSizedParts() throws Exception {
        try (JcloudsStorage s = storage()) {
            byte[] big = random(17 * 1024 * 1024);
            s.store("big", new ByteArrayInputStream(big));
            String etag = raw.getBlobStore().blobMetadata(s.container(), "big").getETag();
            assertTrue(etag.replace("\"", "").endsWith("-4"), "ETag of a 4-part upload: " + etag);
            s.store("small", new ByteArrayInputStream(random(1000)));
            assertFalse(raw.getBlobStore().blobMetadata(s.container(), "small").getETag().contains("-"),
                    "small objects go with one PUT");
        }
    }

    @Test
    void discardedMultipartUploadIsAborted() throws Exception {
        try (JcloudsStorage s = storage()) {
            try (ObjectWriter w = s.create("gone")) {
                w.stream().write(random(12 * 1024 * 1024));
            }
            assertFalse(s.exists("gone"));
            assertEquals(List.of(), raw.getBlobStore().listMultipartUploads(s.container()), "no upload left open");
        }
    }

    @Test
    void walksMoreObjectsThanOneListingPage() throws Exception {
        try (JcloudsStorage s = storage()) {
            int n = 1234; // S3 pages hold at most 1000 keys
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> puts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String path = String.format("p%d/%05d", i % 3, i);
                    puts.add(pool.submit(() -> s.store(path, new ByteArrayInputStream(path.getBytes()))));
                }
                for (Future<Long> f : puts) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            try (Stream<String> all = s.objects("")) {
                assertEquals(n, all.distinct().count());
            }
            try (Stream<String> p1 = s.objects("p1/")) {
                assertEquals((n + 1) / 3, p1.count());
            }
            try (Stream<String> top = s.list("")) {
                assertEquals(List.of("p0/", "p1/", "p2/"), top.sorted().toList());
            }
        }
    }

    @Test
    void uploadThatS3DidNotTakeFailsTheCommit(@TempDir Path dir) throws Exception {
        S3Proxy doomed = S3Proxy.start(dir);
        StorageDescriptor d = doomed.descriptor("doomed", "doomed");
        d.getProperties().put("part-size", String.valueOf(5 << 20));
        d.getProperties().put("jclouds.max-retries", "1");
        try (JcloudsStorage s = (JcloudsStorage) new JcloudsStorageProvider().open(d)) {
            for (int size : new int[] {1000, 12 * 1024 * 1024}) {
                ObjectWriter w = s.create("o" + size);
                w.stream().write(random(size - 1));
                if (size > 1000) {
                    doomed.close();
                } else {
                    w.stream().write(1);
                }
                try (w) {
                    if (size == 1000) {
                        w.commit(); // S3 still there: this one is stored
                        assertArrayEquals(random(size - 1), readPrefix(s, "o" + size, size - 1));
                    } else {
                        assertThrows(IOException.class, () -> {
                            w.stream().write(random(5 << 20));
                            w.commit();
                        });
                    }
                }
            }
        } finally {
            doomed.close();
        }
    }

    static byte[] readPrefix(JcloudsStorage s, String path, int n) throws IOException {
        try (InputStream in = s.open(path)) {
            return in.readNBytes(n);
        }
    }

    @Test
    void unreachableS3FailsWithIOException() throws Exception {
        StorageDescriptor d = new StorageDescriptor("down", "jclouds:s3:http://127.0.0.1:" + S3Proxy.freePort());
        d.getProperties().put("identity", "a");
        d.getProperties().put("credential", "b");
        d.getProperties().put("containerExists", "true"); // no request at open
        d.getProperties().put("jclouds.max-retries", "0");
        try (JcloudsStorage s = (JcloudsStorage) new JcloudsStorageProvider().open(d)) {
            assertThrows(IOException.class, () -> s.create("x"));
            assertThrows(IOException.class, () -> s.open("x"));
        }
        d.getProperties().remove("containerExists");
        assertThrows(IOException.class, () -> new JcloudsStorageProvider().open(d), "creating the container fails");
    }

    @Test
    void wrongCredentialIsRefused() throws Exception {
        StorageDescriptor d = s3.descriptor("bad", "bad-credential");
        d.getProperties().put("credential", "wrong");
        IOException e = assertThrows(IOException.class, () -> new JcloudsStorageProvider().open(d));
        assertTrue(e.getMessage().contains("bad-credential"), e.getMessage());
    }
}
