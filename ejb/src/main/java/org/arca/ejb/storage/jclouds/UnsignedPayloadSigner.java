package org.arca.ejb.storage.jclouds;

import com.google.common.base.Supplier;
import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.jclouds.crypto.Crypto;
import org.jclouds.date.TimeStamp;
import org.jclouds.domain.Credentials;
import org.jclouds.http.internal.SignatureWire;
import org.jclouds.io.Payload;
import org.jclouds.location.Provider;
import org.jclouds.s3.filters.Aws4SignerForAuthorizationHeader;
import org.jclouds.s3.filters.AwsSignatureV4Constants;

/**
 * SigV4 that signs the headers but not the body ({@code x-amz-content-sha256: UNSIGNED-PAYLOAD},
 * as the AWS SDKs do over HTTPS). jclouds otherwise reads every object once more only to hash
 * it with SHA-256, and the store hashes it again to check: measured against S3Proxy, a third of
 * the CPU of a 0.5 MB PUT. The body is still protected by TLS on https endpoints, and the
 * archive keeps its own digest of every object (dcmDigestAlgorithm).
 */
final class UnsignedPayloadSigner extends Aws4SignerForAuthorizationHeader {

    /** Replaces jclouds' payload-hashing signer in the context's injector. */
    static final class Binding extends AbstractModule {
        @Override
        protected void configure() {
            bind(Aws4SignerForAuthorizationHeader.class).to(UnsignedPayloadSigner.class);
        }
    }

    @Inject
    UnsignedPayloadSigner(SignatureWire signatureWire,
                          @Named("jclouds.s3.virtual-host-buckets") boolean isVhostStyle,
                          @Named("jclouds.aws.header.tag") String headerTag,
                          @Provider Supplier<Credentials> creds, @TimeStamp Supplier<Date> timestampProvider,
                          ServiceAndRegion serviceAndRegion, Crypto crypto) {
        super(signatureWire, isVhostStyle, headerTag, creds, timestampProvider, serviceAndRegion, crypto);
    }

    @Override
    protected String calculatePayloadContentHash(Payload payload) {
        return AwsSignatureV4Constants.UNSIGNED_PAYLOAD;
    }
}
