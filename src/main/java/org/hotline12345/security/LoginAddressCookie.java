package org.hotline12345.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hotline12345.common.HttpLayerErrors;

import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The login form keeps the address it interrupts in a cookie, which cannot hold some characters an address may
 * ({@code ,} {@code ;} {@code "} {@code \}): a visitor without a session is sent to the same address with them
 * percent-encoded, which means the same to the resource.
 */
@ApplicationScoped
public class LoginAddressCookie {

    void install(@Observes Router router) {
        // before the sign-in, which fails on such an address when it sends an anonymous visitor to the login form
        router.route().order(-SecurityHandlerPriorities.AUTHENTICATION - 1).handler(this::keepAddressCookieSafe);
    }

    private void keepAddressCookieSafe(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!HttpLayerErrors.isApi(context) && request.getCookie(Sessions.COOKIE) == null
                && !cookieSafe(request.uri())) {
            context.redirect(cookieSafeUri(request.uri()));
            return;
        }
        context.next();
    }

    /** Whether the address may stand in a cookie value (RFC 6265: no quote, comma, semicolon, backslash, space). */
    static boolean cookieSafe(String uri) {
        return uri.chars().noneMatch(c -> c == '"' || c == ',' || c == ';' || c == '\\' || c <= ' ' || c >= 0x7f);
    }

    /** The address with the characters a cookie cannot hold percent-encoded, which means the same to the resource. */
    static String cookieSafeUri(String uri) {
        StringBuilder safe = new StringBuilder(uri.length() + 16);
        for (char c : uri.toCharArray()) {
            if (c == '"' || c == ',' || c == ';' || c == '\\' || c <= ' ' || c >= 0x7f) {
                safe.append('%').append(String.format("%02X", (int) c & 0xff));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
