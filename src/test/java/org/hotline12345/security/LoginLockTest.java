package org.hotline12345.security;

import static io.restassured.RestAssured.given;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hotline12345.support.Api.as;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Pages;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Failed logins lock the username in PostgreSQL: the lock is checked before a remembered login, a locked username is
 * answered like a wrong password, and a lock written by another instance holds here at once.
 */
@QuarkusTest
class LoginLockTest extends DatabaseTest {

    private static final String PASSWORD = "right-password";

    @Test
    void aLockedUserWhosePasswordIsRememberedIsRefused() throws SQLException {
        String user = newAgent();
        basic(user, PASSWORD).get("/api/me").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            basic(user, "guess-" + i).get("/api/me").then().statusCode(401);
        }
        basic(user, PASSWORD).get("/api/me").then().statusCode(401);
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "select failures, locked_until from login_failure where username = ?")) {
            query.setString(1, user);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the lock is kept in the database").isTrue();
                assertThat(row.getInt(1)).isEqualTo(5);
                assertThat(row.getTimestamp(2).toInstant()).isAfter(Instant.now().plusSeconds(14 * 60));
            }
        }
    }

    @Test
    void aLockedUsernameIsAnsweredLikeAWrongPasswordOnTheLoginPage() {
        String user = newAgent();
        for (int i = 0; i < 5; i++) {
            assertThat(signInLocation(user, "guess-" + i)).endsWith("/login?error=true");
        }
        assertThat(signInLocation(user, PASSWORD)).endsWith("/login?error=true");
        given().get("/login?error=true").then().body(containsString("用户名或密码不正确"));
    }

    @Test
    void aLockAnotherInstanceWroteHoldsHereAtOnce() throws SQLException {
        String user = newAgent();
        basic(user, PASSWORD).get("/api/me").then().statusCode(200);
        try (Connection otherInstance = connect();
                PreparedStatement lock = otherInstance.prepareStatement("""
                        insert into login_failure (username, failures, locked_until, last_failure_at)
                        values (?, 5, ?, now())""");
                PreparedStatement announce = otherInstance.prepareStatement("select pg_notify(?, ?)")) {
            lock.setString(1, user);
            lock.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(900)));
            lock.executeUpdate();
            announce.setString(1, AccountEvents.CHANNEL);
            announce.setString(2, user);
            announce.executeQuery().close();
        }
        await("the lock holds on this instance").atMost(ofSeconds(20))
                .until(() -> basic(user, PASSWORD).get("/api/me").statusCode() == 401);
        as("admin").body(Map.of("password", "reset-password")).put("/api/users/" + user + "/password").then()
                .statusCode(204);
        basic(user, "reset-password").get("/api/me").then().statusCode(200);
    }

    private static String signInLocation(String user, String password) {
        var login = given().get("/login").then().extract();
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", login.cookie("csrf-token")).formParam("csrf-token", Pages.token(login.asString()))
                .formParam("j_username", user).formParam("j_password", password).post("/login").then()
                .statusCode(303).extract().header("Location");
    }

    private static RequestSpecification basic(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static String newAgent() {
        String username = "l" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("displayName", "锁定测试");
        body.put("role", "AGENT");
        as("admin").body(body).post("/api/users").then().statusCode(201);
        return username;
    }
}
