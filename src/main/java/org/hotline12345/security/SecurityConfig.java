package org.hotline12345.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.security")
public interface SecurityConfig {

    /** PBKDF2 iterations for new password hashes (OWASP 2023 recommends 600,000 for HMAC-SHA256). */
    @WithDefault("600000")
    int passwordIterations();

    /**
     * How long a verified username and password are remembered, so that HTTP Basic does not pay the deliberately slow
     * hash on every request; changing, disabling or locking the user forgets them at once on every instance.
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

    /**
     * The key that encrypts the pages' session cookies ({@code HOTLINE_SESSION_KEY}, at least 16 characters, 32 or
     * more random ones recommended), the same on every instance. Required in production with a configured database;
     * on the embedded defaults (and in dev and test) it is made once and kept in {@link #sessionKeyFile()}.
     */
    Optional<String> sessionKey();

    /** Where the session key made on the embedded defaults is kept (mode 0600), beside the data. */
    @WithDefault("data/session.key")
    Path sessionKeyFile();

    /** A page session ends after this long without a request. */
    @WithDefault("PT2H")
    Duration sessionTimeout();

    /**
     * How long a signed-in user's record (role, department, status, credential version) is trusted without asking the
     * database again; a change on any instance is announced to every instance and takes effect at once, so this only
     * bounds the effect of a lost announcement.
     */
    @WithDefault("PT1M")
    Duration accountCacheTtl();
}
