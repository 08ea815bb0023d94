package org.hotline12345.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Every response forbids inline scripts and framing and keeps the referrer to the site; over HTTPS, or behind a proxy
 * that says so, cookies are Secure and HSTS is on; the CSRF cookie is SameSite=Strict and the login form needs its
 * token.
 */
@QuarkusTest
class SecurityHeadersTest extends DatabaseTest {

    @Test
    void pagesForbidInlineScriptsAndFraming() {
        for (var response : List.of(given().get("/login"), Pages.as("agent").get("/agent"),
                given().redirects().follow(false).get("/desk"), Api.as("agent").get("/api/me"))) {
            response.then().header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY")).header("Referrer-Policy", equalTo("same-origin"))
                    .header("Strict-Transport-Security", nullValue());
        }
    }

    @Test
    void overPlainHttpCookiesAreNotSecureAndTheCsrfCookieIsStrict() {
        String csrf = given().get("/login").then().extract().header("Set-Cookie");
        assertThat(csrf).startsWith("csrf-token=").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
        String session = signIn(false).header("Set-Cookie");
        assertThat(session).startsWith(Pages.SESSION_COOKIE + "=").contains("HTTPOnly").contains("SameSite=Strict")
                .doesNotContain("Secure");
    }

    @Test
    void behindAProxyThatSaysHttpsCookiesAreSecureAndHstsIsOn() {
        ExtractableResponse<Response> login = given().header("X-Forwarded-Proto", "https").get("/login").then()
                .header("Strict-Transport-Security", containsString("max-age=")).extract();
        assertThat(login.header("Set-Cookie")).startsWith("csrf-token=").contains("Secure")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(signIn(true).header("Set-Cookie")).startsWith(Pages.SESSION_COOKIE + "=").contains("Secure");
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        var refused = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "agent").formParam("j_password", Api.PASSWORD).post("/login").then()
                .statusCode(400).extract();
        assertThat(refused.cookies()).doesNotContainKey(Pages.SESSION_COOKIE);
    }

    private static ExtractableResponse<Response> signIn(boolean overHttps) {
        var login = given().get("/login").then().extract();
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", login.cookie("csrf-token")).formParam("csrf-token", Pages.token(login.asString()))
                .formParam("j_username", "agent").formParam("j_password", Api.PASSWORD);
        if (overHttps) {
            request = request.header("X-Forwarded-Proto", "https");
        }
        return request.post("/login").then().statusCode(303).extract();
    }
}
