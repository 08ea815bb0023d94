package org.hotline12345.portal;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.portal")
public interface PortalConfig {

    /** The portal's address as citizens reach it, for the links in text messages. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** How long an SMS code proves the phone. */
    @WithDefault("PT5M")
    Duration codeValidity();

    /** Wrong entries of one code before it no longer counts. */
    @WithDefault("5")
    int codeAttempts();

    /** Shortest wait before another code is sent to the same phone. */
    @WithDefault("PT60S")
    Duration codeInterval();

    /** Most codes one phone receives a day. */
    @WithDefault("10")
    int codesPerPhonePerDay();

    /** Most codes requested from one client address an hour. */
    @WithDefault("30")
    int codesPerAddressPerHour();

    /** Most requests one phone submits a day. */
    @WithDefault("5")
    int submissionsPerPhonePerDay();

    /** Most requests submitted from one client address an hour. */
    @WithDefault("20")
    int submissionsPerAddressPerHour();

    /** Wrong 提取码 tries against one work order before lookups by 提取码 pause for {@link #lockout()}. */
    @WithDefault("5")
    int extractionCodeAttempts();

    /** How long lookups by 提取码 pause after too many wrong tries. */
    @WithDefault("PT15M")
    Duration lockout();

    /** How long a progress page the citizen opened lets them rate from it. */
    @WithDefault("PT30M")
    Duration pageValidity();

    /**
     * Most photos and documents a citizen attaches to one request (never more than a work order may carry,
     * {@code hotline.attachments.max-per-work-order}); together they must fit the HTTP body limit.
     */
    @WithDefault("3")
    int maxAttachments();

    /** How long the link in a rating invitation stays valid. */
    @WithDefault("P30D")
    Duration ratingLinkValidity();

    /**
     * Signs the portal's links and pages; the same on every instance, so that a link sent by one is valid on all.
     * Unset:
     * derived from the session key ({@code quarkus.http.auth.session.encryption-key}), else random at each start
     * (links then end with a restart).
     */
    Optional<String> signingKey();
}
