package org.arca.ejb.storage.jclouds;

import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.Multimap;
import com.google.common.io.ByteSource;
import java.io.IOException;
import java.util.logging.Logger;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;
import org.jclouds.s3.S3Client;
import org.jclouds.s3.domain.S3Object;
import org.jclouds.s3.options.PutObjectOptions;

/**
 * S3 PUT with {@code If-None-Match: *}: the store itself refuses to replace a key that exists
 * (412), so a new object needs no HEAD before it, one request and one round trip fewer per
 * object. Used only where a probe at open showed the store honours the header (AWS S3 since
 * 2024, MinIO, S3Proxy's file system backend); a store that ignores it would silently replace.
 */
final class ConditionalPut {
    private static final Logger LOG = Logger.getLogger(ConditionalPut.class.getName());
    /** One fixed key: a probe whose removal failed (no delete right) leaves one key, not one per open. */
    private static final String PROBE_KEY = ".arca-conditional-put-probe";
    private static final int PRECONDITION_FAILED = 412;

    /** PutObjectOptions has no setter for it; the header joins the signed request as is. */
    private static final class IfNoneMatch extends PutObjectOptions {
        @Override
        public Multimap<String, String> buildRequestHeaders() {
            Multimap<String, String> h = LinkedHashMultimap.create(super.buildRequestHeaders());
            h.put("If-None-Match", "*");
            return h;
        }
    }

    private final S3Client s3;

    private ConditionalPut(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Puts a probe key twice (the second must be refused; the first may be too, when a probe of
     * another node or an earlier run is there) and removes it: the conditional PUT if the store
     * honours it, else null (then the storage checks with a HEAD before each object).
     * @throws IOException if the store could not be asked (unreachable): probe again later
     */
    static ConditionalPut probe(BlobStoreContext context, String container) throws IOException {
        S3Client s3;
        try {
            s3 = context.unwrapApi(S3Client.class);
        } catch (RuntimeException e) {
            return null; // not an S3 api
        }
        ConditionalPut put = new ConditionalPut(s3);
        ByteSource one = ByteSource.wrap(new byte[] {1});
        boolean written = false;
        try {
            put.put(container, PROBE_KEY, one, 1);
            written = true;
            if (!put.put(container, PROBE_KEY, one, 1)) {
                return put;
            }
            LOG.info("S3 container " + container + " ignores If-None-Match: a HEAD before each new object");
        } catch (IOException e) {
            if (JcloudsErrors.httpStatus(e) == 0) {
                throw e; // no answer at all: the store was not asked
            }
            LOG.info("S3 container " + container + " refuses If-None-Match (" + e.getMessage()
                    + "): a HEAD before each new object");
        } finally {
            if (written) {
                try {
                    s3.deleteObject(container, PROBE_KEY);
                } catch (RuntimeException e) {
                    LOG.warning("probe key " + container + "/" + PROBE_KEY + " not removed: " + e);
                }
            }
        }
        return null;
    }

    /** Stores {@code bytes} at {@code key} unless the key exists: false then, nothing changed. */
    boolean put(String container, String key, ByteSource bytes, long length) throws IOException {
        Payload payload = Payloads.newByteSourcePayload(bytes);
        payload.getContentMetadata().setContentLength(length);
        payload.getContentMetadata().setContentType("application/octet-stream");
        S3Object object = s3.newS3Object();
        object.getMetadata().setKey(key);
        object.setPayload(payload);
        try {
            JcloudsErrors.call("put " + key, () -> s3.putObject(container, object, new IfNoneMatch()));
            return true;
        } catch (IOException e) {
            if (JcloudsErrors.httpStatus(e) == PRECONDITION_FAILED) {
                return false;
            }
            throw e;
        }
    }
}
