package org.hotline12345.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every response carries: a Content-Security-Policy that allows only the service's own scripts, styles and
 * connections (the pages' scripts are bundled files, none inline), no framing, no referrer to other sites, HSTS when
 * the request came over HTTPS (directly or through a proxy that says so with {@code X-Forwarded-Proto}); and the CSRF
 * cookie made {@code SameSite=Strict}, which quarkus-rest-csrf cannot be told to set.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /**
     * Quarkus's own pages (Swagger UI, the dev UI) are third-party pages built on inline scripts; they get the other
     * headers.
     */
    private static final String QUARKUS_PAGES = "/q/";
    private static final String CSRF_COOKIE = "csrf-token";

    void install(@Observes Router router) {
        // before everything else, so that challenges, errors and static files carry the headers too
        router.route().order(Integer.MIN_VALUE).handler(this::addHeaders);
    }

    private void addHeaders(RoutingContext context) {
        MultiMap headers = context.response().headers();
        if (!context.normalizedPath().startsWith(QUARKUS_PAGES)) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (context.request().isSSL()) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        context.addHeadersEndHandler(ignored -> strictCsrfCookie(context));
        context.next();
    }

    /** Runs before the response's cookies are written; only a cookie set now has a path (the browser's have none). */
    private static void strictCsrfCookie(RoutingContext context) {
        Cookie csrf = context.response().removeCookie(CSRF_COOKIE, false);
        if (csrf != null) {
            if (csrf.getPath() != null) {
                csrf.setSameSite(CookieSameSite.STRICT);
            }
            context.response().addCookie(csrf);
        }
    }
}
