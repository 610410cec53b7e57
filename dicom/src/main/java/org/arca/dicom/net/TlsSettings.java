package org.arca.dicom.net;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS for DICOM connections following PS3.15 annex B's BCP 195 profile: TLS 1.2 or 1.3 only,
 * AEAD cipher suites with forward secrecy (RFC 9325 section 4.2), peer authentication by
 * certificate on both sides unless switched off.
 */
public final class TlsSettings {
    /** Protocols allowed by the BCP 195 profile. */
    public static final List<String> BCP195_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** RFC 9325 recommended suites (TLS 1.3 suites first), in preference order. */
    public static final List<String> BCP195_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

    private final SSLContext context;
    private boolean needClientAuth = true;
    private List<String> protocols = BCP195_PROTOCOLS;
    private List<String> cipherSuites = BCP195_CIPHER_SUITES;

    public TlsSettings(SSLContext context) {
        this.context = context;
    }

    /** Key and certificate chain (PEM) to present, CA certificates (PEM) to trust; either may be null. */
    public static TlsSettings fromPem(Path key, Path certChain, Path trustedCerts)
            throws IOException, GeneralSecurityException {
        return new TlsSettings(PemKeys.sslContext(key, certChain, trustedCerts));
    }

    public SSLContext context() {
        return context;
    }

    public TlsSettings needClientAuth(boolean need) {
        needClientAuth = need;
        return this;
    }

    public TlsSettings protocols(List<String> p) {
        protocols = List.copyOf(p);
        return this;
    }

    public TlsSettings cipherSuites(List<String> s) {
        cipherSuites = List.copyOf(s);
        return this;
    }

    /** Layers TLS over a connected socket and completes the handshake. */
    public SSLSocket wrap(Socket plain, boolean client) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain,
                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        s.setUseClientMode(client);
        SSLParameters p = s.getSSLParameters();
        List<String> supported = Arrays.asList(s.getSupportedCipherSuites());
        p.setProtocols(protocols.toArray(new String[0]));
        p.setCipherSuites(cipherSuites.stream().filter(supported::contains).toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        if (!client) {
            p.setNeedClientAuth(needClientAuth);
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }
}
