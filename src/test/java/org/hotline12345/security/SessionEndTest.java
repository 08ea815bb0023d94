package org.hotline12345.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hotline12345.support.Api.as;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hotline12345.security.SessionCookies.Session;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A page session ends when its user's credentials change: 退出, a new password (own or reset), disabling and a new role
 * end every session of the user; a copy of the cookie kept from before opens nothing.
 */
@QuarkusTest
class SessionEndTest extends DatabaseTest {

    private static final String PASSWORD = "first-password";

    @Test
    void aCookieReplayedAfterSigningOutOpensNothing() {
        String user = newAgent();
        String cookie = Pages.signIn(user, PASSWORD);
        var page = session(cookie).get("/agent").then().statusCode(200).extract();
        session(cookie).contentType("application/x-www-form-urlencoded").cookie("csrf-token", page.cookie("csrf-token"))
                .formParam("csrf-token", Pages.token(page.asString())).post("/logout").then().statusCode(303);
        session(cookie).get("/agent").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsRefusedAndEndsNothing() {
        String user = newAgent();
        String cookie = Pages.signIn(user, PASSWORD);
        session(cookie).contentType("application/x-www-form-urlencoded").post("/logout").then().statusCode(400);
        session(cookie).get("/agent").then().statusCode(200);
    }

    @Test
    void anAdministratorsPasswordResetEndsThePageSession() {
        String user = newAgent();
        String cookie = Pages.signIn(user, PASSWORD);
        as("admin").body(Map.of("password", "reset-by-admin")).put("/api/users/" + user + "/password").then()
                .statusCode(204);
        session(cookie).get("/agent").then().statusCode(302).header("Location", endsWith("/login"));
        session(Pages.signIn(user, "reset-by-admin")).get("/agent").then().statusCode(200);
    }

    @Test
    void disablingEndsThePageSession() {
        String user = newAgent();
        String cookie = Pages.signIn(user, PASSWORD);
        as("admin").body(Map.of("displayName", "已停用", "role", "AGENT", "active", false))
                .put("/api/users/" + user).then().statusCode(200);
        session(cookie).get("/agent").then().statusCode(302);
    }

    @Test
    void aNewRoleEndsThePageSessionButANewDisplayNameDoesNot() {
        String user = newAgent();
        String cookie = Pages.signIn(user, PASSWORD);
        as("admin").body(Map.of("displayName", "改名坐席", "role", "AGENT", "active", true))
                .put("/api/users/" + user).then().statusCode(200);
        session(cookie).get("/agent").then().statusCode(200).body(containsString("改名坐席"));
        as("admin").body(Map.of("displayName", "改名坐席", "role", "SUPERVISOR", "active", true))
                .put("/api/users/" + user).then().statusCode(200);
        session(cookie).get("/agent").then().statusCode(302);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        String user = newAgent();
        String here = Pages.signIn(user, PASSWORD);
        String elsewhere = Pages.signIn(user, PASSWORD);
        var page = session(here).get("/account").then().statusCode(200).extract();
        var changed = session(here).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", page.cookie("csrf-token")).formParam("csrf-token", Pages.token(page.asString()))
                .formParam("currentPassword", PASSWORD).formParam("newPassword", "second-password")
                .formParam("repeatPassword", "second-password").post("/account/password").then().statusCode(303)
                .extract();
        session(elsewhere).get("/agent").then().statusCode(302);
        session(here).get("/agent").then().statusCode(302);
        session(changed.cookie(Pages.SESSION_COOKIE)).get("/agent").then().statusCode(200);
    }

    @Test
    void aCookieNotSealedWithTheSessionKeyOpensNothing() {
        String forged = new SessionCookies("a key read from somewhere public, not this one")
                .seal(new Session("admin", 0, Instant.now()));
        session(forged).get("/admin/users").then().statusCode(302).header("Location", endsWith("/login"));
        session("expiry:admin").get("/admin/users").then().statusCode(302);
    }

    private static RequestSpecification session(String cookie) {
        return given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, cookie);
    }

    private static String newAgent() {
        String username = "s" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("displayName", "会话测试");
        body.put("role", "AGENT");
        as("admin").body(body).post("/api/users").then().statusCode(201);
        return username;
    }
}
