package org.arca.ejb.storage;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.arca.ldap.config.StorageDescriptor;

/**
 * The storages the contract tests run on: both providers, bare and with the transforms
 * (a kind such as {@code s3+deflate+aes} is the S3 provider with compression and encryption).
 */
final class StorageKinds {
    static final List<String> ALL = List.of("file", "file+gzip", "file+aes", "file+deflate+aes",
            "s3", "s3+gzip", "s3+aes", "s3+deflate+aes");
    static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final AtomicInteger SEQ = new AtomicInteger();

    private StorageKinds() {
    }

    /** A fresh, empty storage of {@code kind}. */
    static StorageDescriptor descriptor(String kind, Path tmp, S3Proxy s3) {
        int n = SEQ.incrementAndGet();
        StorageDescriptor d = kind.startsWith("s3")
                ? s3.descriptor("st" + n, "bucket-" + n + "-" + System.nanoTime() % 100000)
                : new StorageDescriptor("st" + n, tmp.resolve("fs" + n).toUri().toString());
        d.getProperties().put("part-size", String.valueOf(5 << 20)); // multipart from 5 MiB on
        if (kind.contains("+gzip")) {
            d.getProperties().put("compression", "gzip");
        }
        if (kind.contains("+deflate")) {
            d.getProperties().put("compression", "deflate");
        }
        if (kind.contains("+aes")) {
            d.getProperties().put("encryption-key", KEY);
            d.getProperties().put("encryption-segment-size", "4096"); // many segments even in small objects
        }
        return d;
    }
}
