package org.hotline12345.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the portal hands a citizen instead of a session: a token naming one work order and until when it may be read
 * and rated, signed with HMAC-SHA256, carried by the progress page's forms and by the link of a rating invitation.
 * Nothing is kept on the server, no cookie is set, and a token opens that one work order on the portal only.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    PortalConfig config;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;

    @Inject
    Clock clock;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        byte[] secret;
        if (config.signingKey().isPresent()) {
            secret = config.signingKey().get().getBytes(StandardCharsets.UTF_8);
        } else if (sessionKey.isPresent() && !sessionKey.get().isBlank()) {
            secret = mac(new SecretKeySpec(sessionKey.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                    "hotline-portal-tokens");
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A token for {@code number}, valid for {@code validity}. */
    public String issue(String number, Duration validity) {
        String payload = number + "." + clock.instant().plus(validity).getEpochSecond();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac(key, payload));
    }

    /** The work order a valid, unexpired token names. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(key, payload))) {
                return Optional.empty();
            }
            int split = payload.lastIndexOf('.');
            Instant expires = Instant.ofEpochSecond(Long.parseLong(payload.substring(split + 1)));
            return clock.instant().isBefore(expires) ? Optional.of(payload.substring(0, split)) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
