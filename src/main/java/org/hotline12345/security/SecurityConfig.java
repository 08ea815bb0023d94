package org.hotline12345.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.security")
public interface SecurityConfig {

    /** PBKDF2 iterations for new password hashes (OWASP 2023 recommends 600,000 for HMAC-SHA256). */
    @WithDefault("600000")
    int passwordIterations();

    /**
     * How long a verified username and password are remembered, so that HTTP Basic does not pay the deliberately slow
     * hash on every request; changing or disabling the user forgets them at once on this instance.
     */
    @WithDefault("PT5M")
    Duration credentialCacheTtl();

    /** Shortest password accepted when users are created or change their password. */
    @WithDefault("8")
    int minimumPasswordLength();

    /** Failed logins in a row after which the username is locked. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a username stays locked after too many failed logins. */
    @WithDefault("PT15M")
    Duration lockout();
}
