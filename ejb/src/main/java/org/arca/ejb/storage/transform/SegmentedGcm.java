package org.arca.ejb.storage.transform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The at-rest format of encrypted objects: AES-GCM over fixed-size segments, so that neither
 * writing nor reading holds more than one segment (Java's GCM decryption of one big message
 * buffers all of it) and a range read decrypts only the segments it touches.
 * <pre>
 * header  : "AGCM" | version 1 | segment size (int32 BE) | nonce prefix (7 random bytes)   = 16 bytes
 * segment : AES-GCM(plaintext of segment size, last one shorter or empty) | 16-byte tag
 * nonce   : prefix | segment index (int32 BE) | 1 for the last segment, else 0            = 12 bytes
 * </pre>
 * The header is the associated data of every segment. The index in the nonce stops segments
 * from being reordered, the last-segment flag stops truncation at a segment boundary
 * (the construction of Hoang, Reyhanitabar, Rogaway and Vizár, "Online AE", as in Tink).
 */
final class SegmentedGcm {
    static final int HEADER_SIZE = 16;
    static final int TAG_SIZE = 16;
    static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;
    private static final byte[] MAGIC = "AGCM".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    final byte[] header;
    final int segmentSize;
    private final byte[] noncePrefix;
    private final SecretKey key;
    private final Cipher cipher;

    private SegmentedGcm(SecretKey key, byte[] header) throws IOException {
        this.key = key;
        this.header = header;
        ByteBuffer h = ByteBuffer.wrap(header);
        byte[] magic = new byte[4];
        h.get(magic);
        if (!Arrays.equals(magic, MAGIC) || h.get() != VERSION) {
            throw new IOException("not an object encrypted by this storage (no AGCM v1 header)");
        }
        segmentSize = h.getInt();
        if (segmentSize <= 0 || segmentSize > (64 << 20)) {
            throw new IOException("bad segment size in encryption header: " + segmentSize);
        }
        noncePrefix = Arrays.copyOfRange(header, 9, 16);
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM not available", e);
        }
    }

    /** For a new object: a fresh random nonce prefix. */
    static SegmentedGcm forWriting(SecretKey key, int segmentSize) throws IOException {
        byte[] header = ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).put(VERSION).putInt(segmentSize).array();
        byte[] prefix = new byte[7];
        RANDOM.nextBytes(prefix);
        System.arraycopy(prefix, 0, header, 9, 7);
        return new SegmentedGcm(key, header);
    }

    /** For a stored object, from its header. */
    static SegmentedGcm forReading(SecretKey key, byte[] header) throws IOException {
        if (header.length != HEADER_SIZE) {
            throw new IOException("encrypted object shorter than its header");
        }
        return new SegmentedGcm(key, header);
    }

    /** Size of a stored segment (plaintext plus tag), except for a shorter last one. */
    int storedSegmentSize() {
        return segmentSize + TAG_SIZE;
    }

    /** Encrypts or decrypts one segment; an authentication failure becomes an IOException. */
    int seal(boolean encrypt, int index, boolean last, byte[] in, int len, byte[] out) throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).put(noncePrefix).putInt(index).put((byte) (last ? 1 : 0)).array();
        try {
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
            cipher.updateAAD(header);
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException("encrypted object damaged, truncated or not for this key (segment " + index + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM segment " + index + ": " + e, e);
        }
    }
}
