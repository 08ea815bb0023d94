package org.hotline12345.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotline12345.common.SecretFiles;
import org.hotline12345.security.SessionCookies.Session;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The pages' sessions: an encrypted cookie (no server-side state, so any instance serves it) naming the user and the
 * credential version they signed in with. Its key is resolved at start-up, which fails where production would run
 * without one that every instance shares.
 */
@Startup
@ApplicationScoped
public class Sessions {

    /** The cookie the session lives in. */
    public static final String COOKIE = "hotline-session";
    /** A cookie older than this is replaced by a fresh one, which keeps an active session from timing out. */
    private static final Duration RENEW_AFTER = Duration.ofMinutes(1);

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "hotline.embedded-db.active", defaultValue = "false")
    boolean embeddedDatabase;

    private SessionCookies cookies;

    @PostConstruct
    void init() {
        cookies = new SessionCookies(resolveKey(config.sessionKey(), config.sessionKeyFile(),
                embeddedDatabase || LaunchMode.current() != LaunchMode.NORMAL));
    }

    /**
     * The configured key; else, on the embedded defaults, the one kept in {@code keyFile} (made there on the first
     * start); else none, and the service must not start: instances that each made their own key would sign everyone
     * out at every restart and on every other instance.
     */
    static String resolveKey(Optional<String> configured, Path keyFile, boolean mayKeepOwnKey) {
        if (configured.isPresent()) {
            if (configured.get().length() < 16) {
                throw new IllegalStateException(
                        "HOTLINE_SESSION_KEY (hotline.security.session-key) must have at least 16 characters; "
                                + "use 32 or more random ones");
            }
            return configured.get();
        }
        if (!mayKeepOwnKey) {
            throw new IllegalStateException("Set HOTLINE_SESSION_KEY (hotline.security.session-key) to 32 or more "
                    + "random characters, the same on every instance: with a configured database the service does "
                    + "not make its own session key");
        }
        return SecretFiles.readOrCreate(keyFile);
    }

    /** The session the request's cookie holds, if it is genuine and has not timed out. */
    Optional<Session> current(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return cookies.open(cookie.getValue())
                .filter(session -> session.issuedAt().plus(config.sessionTimeout()).isAfter(now)
                        && !session.issuedAt().isAfter(now.plus(RENEW_AFTER)));
    }

    /** Starts a session for {@code username} with its current credential version. */
    public void start(RoutingContext context, String username, long credentialVersion) {
        context.response().addCookie(cookie(context,
                cookies.seal(new Session(username, credentialVersion, clock.instant()))));
    }

    /** Replaces a cookie issued more than a minute ago, so that the inactivity timeout counts from this request. */
    void renewIfDue(RoutingContext context, Session session) {
        if (session.issuedAt().plus(RENEW_AFTER).isBefore(clock.instant())) {
            start(context, session.username(), session.credentialVersion());
        }
    }

    /** Removes the cookie from the browser. */
    public void clear(RoutingContext context) {
        context.response().addCookie(cookie(context, "").setMaxAge(0));
    }

    /** HttpOnly, SameSite=Strict, and Secure whenever the request came over HTTPS or through a proxy that says so. */
    private static Cookie cookie(RoutingContext context, String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(context.request().isSSL());
    }
}
