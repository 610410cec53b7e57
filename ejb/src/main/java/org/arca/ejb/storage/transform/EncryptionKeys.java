package org.arca.ejb.storage.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES key of an encrypted storage: {@code encryption-key} holds it in base64 (16, 24 or 32
 * bytes), or {@code encryption-key-file} names a file holding it in base64 or raw. A file keeps
 * the key out of LDAP, where every reader of the configuration could see it.
 */
final class EncryptionKeys {
    static final String KEY = "encryption-key";
    static final String KEY_FILE = "encryption-key-file";

    private EncryptionKeys() {
    }

    static SecretKey fromBase64(String base64) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + " is not base64");
        }
        return aes(k, KEY);
    }

    static SecretKey fromFile(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (isAesLength(content.length) && !looksLikeBase64(content)) {
            return aes(content, file.toString());
        }
        try {
            return aes(Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).trim()), file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException("key file " + file + " holds neither a raw AES key nor one in base64");
        }
    }

    private static boolean looksLikeBase64(byte[] content) {
        for (byte b : content) {
            if (!(Character.isLetterOrDigit(b) || b == '+' || b == '/' || b == '=' || b == '\n' || b == '\r')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAesLength(int n) {
        return n == 16 || n == 24 || n == 32;
    }

    private static SecretKey aes(byte[] k, String source) {
        if (!isAesLength(k.length)) {
            throw new IllegalArgumentException("AES key from " + source + " has " + k.length
                    + " bytes; 16, 24 or 32 are needed");
        }
        return new SecretKeySpec(k, "AES");
    }
}
