package org.arca.ejb.storage.jclouds;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.arca.ldap.config.StorageDescriptor;

/**
 * What a {@code jclouds:<api>[:<endpoint>]} storage descriptor says, with the dcmProperty
 * settings of dcm4chee-arc's wiki page on S3: {@code container}, {@code identity},
 * {@code credential}, {@code containerExists} and every {@code jclouds.*} override passed to
 * jclouds as is. For the generic {@code s3} api (S3-compatible stores that are not AWS) the
 * defaults are SigV4, path-style requests, which every such store understands, and no
 * {@code Expect: 100-continue} on PUT; a descriptor's own value wins. Arca's own upload settings: {@code part-size} (bytes above which
 * an object goes up in parts of that size; at least 5 MiB, the S3 minimum),
 * {@code upload-parallelism} (parts of one object in flight) and {@code upload-threads}
 * (uploading threads of the storage), {@code sign-payload} (SigV4 with the body's SHA-256
 * instead of {@code UNSIGNED-PAYLOAD}; default false, see {@link UnsignedPayloadSigner}) and
 * {@code existence-check} ({@code auto}: no HEAD before a new object where the store honours
 * {@code If-None-Match}, see {@link ConditionalPut}; {@code head}: always a HEAD first).
 */
record JcloudsSettings(String api, String endpoint, String container, String identity, String credential,
                       boolean containerExists, Properties overrides, int partSize, int uploadParallelism,
                       int uploadThreads, boolean signPayload, boolean conditionalPut, boolean randomPathIfTaken) {
    static final String DEFAULT_CONTAINER = "arca";
    static final int MIN_PART_SIZE = 5 << 20;
    static final int DEFAULT_PART_SIZE = 8 << 20;
    static final int DEFAULT_UPLOAD_PARALLELISM = 4;
    static final int DEFAULT_UPLOAD_THREADS = 8;

    static JcloudsSettings of(StorageDescriptor d) throws IOException {
        // Not parsed as java.net.URI: the wiki's "jclouds:aws-s3:https://<bucket>" is none.
        String uri = d.getResolvedUri();
        String ssp = uri.substring(uri.indexOf(':') + 1);
        int colon = ssp.indexOf(':');
        String api = colon < 0 ? ssp : ssp.substring(0, colon);
        String endpoint = colon < 0 ? null : ssp.substring(colon + 1);
        if (api.isEmpty()) {
            throw new IOException("storage " + d.getId() + ": URI " + uri + " names no jclouds api (jclouds:<api>:<endpoint>)");
        }
        Map<String, String> p = d.getProperties();
        Properties overrides = new Properties();
        if (api.equals("s3")) {
            overrides.setProperty("jclouds.s3.signer-version", "4");
            overrides.setProperty("jclouds.s3.virtual-host-buckets", "false");
            // jclouds sends every PUT with "Expect: 100-continue", one more round trip per object
            overrides.setProperty("jclouds.strip-expect-header", "true");
        }
        p.forEach((k, v) -> {
            if (k.startsWith("jclouds.")) {
                overrides.setProperty(k, v);
            }
        });
        try {
            int partSize = Integer.parseInt(p.getOrDefault("part-size", String.valueOf(DEFAULT_PART_SIZE)));
            if (partSize < MIN_PART_SIZE) {
                throw new IOException("storage " + d.getId() + ": part-size must be at least " + MIN_PART_SIZE);
            }
            return new JcloudsSettings(api, endpoint == null || endpoint.isEmpty() ? null : endpoint,
                    p.getOrDefault("container", DEFAULT_CONTAINER), p.get("identity"), p.get("credential"),
                    Boolean.parseBoolean(p.getOrDefault("containerExists", "false")), overrides, partSize,
                    positive(d, p, "upload-parallelism", DEFAULT_UPLOAD_PARALLELISM),
                    positive(d, p, "upload-threads", DEFAULT_UPLOAD_THREADS),
                    Boolean.parseBoolean(p.getOrDefault("sign-payload", "false")),
                    conditionalPut(d, p.getOrDefault("existence-check", "auto")) && (api.equals("s3") || api.equals("aws-s3")),
                    d.getOnPathAlreadyExists() == org.arca.ldap.config.Enums.OnPathAlreadyExists.RANDOM_PATH);
        } catch (NumberFormatException e) {
            throw new IOException("storage " + d.getId() + ": " + e.getMessage(), e);
        }
    }

    /** Whether to probe for conditional PUT: S3 apis, writable storages, unless told otherwise. */
    private static boolean conditionalPut(StorageDescriptor d, String check) throws IOException {
        if (!check.equals("auto") && !check.equals("head")) {
            throw new IOException("storage " + d.getId() + ": existence-check must be auto or head, not " + check);
        }
        return check.equals("auto") && !d.isReadOnly();
    }

    private static int positive(StorageDescriptor d, Map<String, String> p, String name, int dflt) throws IOException {
        int v = Integer.parseInt(p.getOrDefault(name, String.valueOf(dflt)));
        if (v < 1) {
            throw new IOException("storage " + d.getId() + ": " + name + " must be at least 1");
        }
        return v;
    }

    /** S3 with SigV4 (the only signer that hashes the body). */
    boolean unsignedPayload() {
        return !signPayload && (api.equals("s3") || api.equals("aws-s3"));
    }

    /** Never prints the credential. */
    @Override
    public String toString() {
        return "jclouds:" + api + (endpoint == null ? "" : ":" + endpoint) + " container=" + container;
    }
}
