package org.arca.tools.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.arca.dicom.net.TlsSettings;

/**
 * DCMTK's TLS options, PEM only: {@code +tls key cert} (enable, our key and certificate
 * chain), {@code +cf file} (trust the certificates in file; repeatable), {@code -rc} (require
 * the peer's certificate, the default) and {@code -ic} (an SCP does not ask for one).
 */
public final class TlsOptions {
    private Path key;
    private Path cert;
    private final List<Path> caFiles = new ArrayList<>();
    private boolean requirePeerCert = true;

    /** Consumes a TLS option; returns false for any other. */
    public boolean option(String opt, Args args) throws UsageException {
        switch (opt) {
            case "+tls": case "--enable-tls":
                key = Path.of(args.param(opt));
                cert = Path.of(args.param(opt));
                return true;
            case "-tls": case "--disable-tls":
                key = null;
                cert = null;
                return true;
            case "+cf": case "--add-cert-file":
                caFiles.add(Path.of(args.param(opt)));
                return true;
            case "-rc": case "--require-peer-cert":
                requirePeerCert = true;
                return true;
            case "-ic": case "--ignore-peer-cert":
                requirePeerCert = false;
                return true;
            case "-pem": case "--pem-keys":
                return true;
            default:
                return false;
        }
    }

    public boolean enabled() {
        return key != null;
    }

    /** The settings, or null without +tls. Several CA files are read as one bundle. */
    public TlsSettings build() throws IOException, GeneralSecurityException {
        if (!enabled()) {
            return null;
        }
        Path trusted = null;
        if (caFiles.size() == 1) {
            trusted = caFiles.get(0);
        } else if (caFiles.size() > 1) {
            trusted = Files.createTempFile("arca-ca", ".pem");
            trusted.toFile().deleteOnExit();
            for (Path p : caFiles) {
                Files.write(trusted, Files.readAllBytes(p), java.nio.file.StandardOpenOption.APPEND);
            }
        }
        return TlsSettings.fromPem(key, cert, trusted).needClientAuth(requirePeerCert);
    }

    public static String usage() {
        return "  +tls  key cert   enable TLS with PEM private key and certificate (chain)\n"
                + "  +cf   file       trust the PEM certificates in file (repeatable)\n"
                + "  -rc / -ic        require peer certificate (default) / SCP: do not request one\n";
    }
}
