package org.hotline12345.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the pages' session cookie: AES-256-GCM over the user, the credential version the session was started
 * with and when the cookie was issued, so that a cookie cannot be read, forged or changed without the session key, and
 * a
 * session ends once the user's credential version moves on.
 */
final class SessionCookies {

    /** What a session cookie says. */
    record Session(String username, long credentialVersion, Instant issuedAt) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Authenticated with every cookie, so that a value sealed with the same key for another purpose never opens. */
    private static final byte[] PURPOSE = "hotline12345 session v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SessionCookies(String secret) {
        this.key = new SecretKeySpec(sha256(secret), "AES");
    }

    String seal(Session session) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = (session.issuedAt().toEpochMilli() + "\n" + session.credentialVersion() + "\n"
                + session.username()).getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session the cookie holds; empty for anything not sealed with this key, changed or malformed. */
    Optional<Session> open(String value) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES));
            String[] parts = new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8).split("\n", 3);
            return Optional.of(new Session(parts[2], Long.parseLong(parts[1]),
                    Instant.ofEpochMilli(Long.parseLong(parts[0]))));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(PURPOSE);
        return cipher;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
