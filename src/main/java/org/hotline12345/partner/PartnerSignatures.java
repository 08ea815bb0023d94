package org.hotline12345.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of partner traffic, both ways: HMAC-SHA256 with the partner's secret over the canonical string
 * <pre>
 * METHOD \n PATH?QUERY \n TIMESTAMP \n hex(SHA-256(body))
 * </pre>
 * (the method in capitals, the path and query as sent, the timestamp as in {@code X-Timestamp}: seconds since the
 * epoch; the body's bytes as sent, the empty body for a GET), in lower-case hex.
 */
public final class PartnerSignatures {

    private PartnerSignatures() {
    }

    public static String canonical(String method, String pathAndQuery, String timestamp, byte[] body) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n"
                + sha256Hex(body);
    }

    public static String sign(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, so that the time taken tells nothing about how much of a guess was right. */
    public static boolean matches(String secret, String canonical, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, canonical).getBytes(StandardCharsets.UTF_8),
                signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
