package org.arca.dicomweb.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * userPassword values in the {SSHA} form (RFC 2307 style, salted SHA-1) that both OpenLDAP and
 * ApacheDS check on bind without extra modules, so no password is stored in clear.
 */
final class PasswordHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    static byte[] ssha(String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            sha.update(salt);
            byte[] digest = sha.digest();
            byte[] both = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, both, 0, digest.length);
            System.arraycopy(salt, 0, both, digest.length, salt.length);
            return ("{SSHA}" + Base64.getEncoder().encodeToString(both)).getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
