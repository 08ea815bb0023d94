package org.hotline12345.security;

import static io.restassured.RestAssured.given;
import static io.restassured.matcher.RestAssuredMatchers.detailedCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** How the pages guard themselves: the login form, roles, and CSRF tokens on every form that changes data. */
@QuarkusTest
class PageSecurityTest extends DatabaseTest {

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        given().redirects().follow(false).get("/desk").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("name=\"j_username\""))
                .body(not(containsString("用户名或密码不正确")));
    }

    @Test
    void aWrongPasswordReturnsToTheLoginPageWithAnError() {
        var login = given().get("/login").then().extract();
        var refused = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", login.cookie("csrf-token")).formParam("csrf-token", Pages.token(login.asString()))
                .formParam("j_username", "desk").formParam("j_password", "not-" + Api.PASSWORD)
                .post("/login").then().statusCode(303)
                .header("Location", containsString("/login?error=true")).extract();
        assertThat(refused.cookies()).doesNotContainKey(Pages.SESSION_COOKIE);
        given().get("/login?error=true").then().statusCode(200).body(containsString("用户名或密码不正确"));
    }

    @Test
    void eachRoleLandsOnItsOwnWorkAndIsKeptOutOfOthers() {
        Pages.as("desk").get("/").then().statusCode(303).header("Location", endsWith("/desk"));
        Pages.as("agent").get("/").then().statusCode(303).header("Location", endsWith("/agent"));
        Pages.as("housing").get("/").then().statusCode(303).header("Location", endsWith("/department"));
        Pages.as("supervisor").get("/").then().statusCode(303).header("Location", endsWith("/supervisor"));
        Pages.as("supervisor").get("/supervisor").then().statusCode(200).body(containsString("退出"));
        Pages.as("admin").get("/").then().statusCode(303).header("Location", endsWith("/admin"));
        Pages.as("editor").get("/").then().statusCode(303).header("Location", endsWith("/knowledge/editor"));
        Pages.as("admin").get("/admin").then().statusCode(200).body(containsString("/admin/rules"));
        Pages.as("editor").get("/admin").then().statusCode(403);
        Pages.as("housing").get("/desk").then().statusCode(403);
        Pages.as("housing").get("/agent").then().statusCode(403);
        Pages.as("housing").get("/hotline/approvals").then().statusCode(403);
        Pages.as("agent").get("/department").then().statusCode(403);
        Pages.as("agent").get("/supervisor/wallboard").then().statusCode(403);
        Pages.as("desk").get("/desk/export").then().statusCode(200)
                .header("Content-Disposition", containsString("ledger.xlsx"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        Pages.as("desk").contentType("application/x-www-form-urlencoded").formParam("text", "进展")
                .post("/desk/entries/1/progress").then().statusCode(400);
    }

    @Test
    void aControlCharacterPostedInAFormIsRefusedNotAnError() {
        Pages.form("admin", "/admin/departments").formParam("code", "NUL-TEST").formParam("name", "含\u0000字符")
                .formParam("kind", "CITY_DEPARTMENT").post("/admin/departments").then().statusCode(400);
        Pages.as("admin").get("/admin/departments/NUL-TEST").then().statusCode(404);
    }

    @Test
    void signingOutEndsTheSession() {
        Pages.form("desk", "/desk").post("/logout").then().statusCode(303).header("Location", endsWith("/login"))
                .cookie(Pages.SESSION_COOKIE, detailedCookie().value("").maxAge(0));
    }
}
