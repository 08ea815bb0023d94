package org.hotline12345.partner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Interconnection with partner systems ({@code hotline.partner.*}); see docs/partners.md. */
@ConfigMapping(prefix = "hotline.partner")
public interface PartnerConfig {

    /** How far a signed request's {@code X-Timestamp} may lie from the service's clock, either way (replay window). */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** How long an API key and secret replaced by a rotation stay valid beside the new ones. */
    @WithDefault("P7D")
    Duration rotationOverlap();

    /**
     * The key that encrypts the partners' signing secrets in the database ({@code HOTLINE_PARTNER_SECRET_KEY}, at
     * least 16 characters), the same on every instance; without it one is made once and kept in
     * {@link #secretKeyFile()}.
     */
    Optional<String> secretKey();

    /** Where the secret key made without {@link #secretKey()} is kept (mode 0600), beside the data. */
    @WithDefault("data/partner-secret.key")
    Path secretKeyFile();

    /** Pushing events to the partners' callback URLs. */
    Delivery delivery();

    interface Delivery {

        /** The wait before the first retry of an event a partner did not take; it doubles with every attempt. */
        @WithDefault("PT30S")
        Duration retryDelay();

        /** The longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration maxDelay();

        /**
         * Attempts before an event is given up (DEAD, for an administrator to replay); with the defaults the last
         * comes about 13 hours after the first.
         */
        @WithDefault("20")
        int maxAttempts();

        /** How long one delivery may take, from connecting to the partner's answer. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Deliveries under way at once, over all partners. */
        @WithDefault("8")
        int concurrency();
    }
}
