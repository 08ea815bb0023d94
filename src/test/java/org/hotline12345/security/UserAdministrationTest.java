package org.hotline12345.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hotline12345.support.Api.as;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Users live in the database with hashed passwords; administrators manage them; the rules hold from outside. */
@QuarkusTest
class UserAdministrationTest extends DatabaseTest {

    @Inject
    EntityManager entityManager;

    private static RequestSpecification login(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    private static String newUser(String role, String departmentCode, String password) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("displayName", "测试用户");
        body.put("role", role);
        body.put("departmentCode", departmentCode);
        as("admin").body(body).post("/api/users").then().statusCode(201).body("username", equalTo(username))
                .body("passwordHash", nullValue());
        return username;
    }

    @Test
    void whoAmI() {
        as("housing").get("/api/me").then().statusCode(200)
                .body("role", equalTo("DEPARTMENT_STAFF"))
                .body("department.code", equalTo("HOUSING"))
                .body("displayName", equalTo("李承办（市住建局）"));
        as("agent").get("/api/me").then().body("department", nullValue());
    }

    @Test
    void anAdministratorCreatesUsersWhoCanThenSignIn() {
        String username = newUser("DEPARTMENT_STAFF", "SAMR", "s3cret-passw0rd");
        login(username, "s3cret-passw0rd").get("/api/me").then().statusCode(200)
                .body("department.code", equalTo("SAMR"));
        login(username, "wrong-password").get("/api/me").then().statusCode(401);
        as("admin").get("/api/users").then().body("username", hasItem(username));
    }

    @Test
    void departmentStaffNeedADepartmentAndOthersMustNotHaveOne() {
        Map<String, Object> body = new HashMap<>(Map.of("username", "nodept" + System.nanoTime() % 100000,
                "password", "long-enough-1", "displayName", "无单位", "role", "DEPARTMENT_STAFF"));
        as("admin").body(body).post("/api/users").then().statusCode(422)
                .body("violations[0].field", equalTo("departmentCode"));
        body.put("role", "AGENT");
        body.put("departmentCode", "HOUSING");
        as("admin").body(body).post("/api/users").then().statusCode(422)
                .body("violations[0].rule", equalTo("absent"));
        body.put("departmentCode", null);
        body.put("password", "short");
        as("admin").body(body).post("/api/users").then().statusCode(422)
                .body("violations[0].field", equalTo("password"));
    }

    @Test
    void duplicateUsernamesConflict() {
        String username = newUser("AGENT", null, "long-enough-1");
        as("admin").body(Map.of("username", username, "password", "long-enough-2", "displayName", "重复",
                "role", "AGENT")).post("/api/users").then().statusCode(409);
    }

    @Test
    void onlyAdministratorsManageUsers() {
        for (String user : new String[]{"agent", "housing", "desk", "supervisor"}) {
            as(user).get("/api/users").then().statusCode(403);
            as(user).body(Map.of("username", "intruder", "password", "long-enough-1", "displayName", "x",
                    "role", "ADMIN")).post("/api/users").then().statusCode(403);
        }
    }

    @Test
    void aDisabledUserIsLockedOutAtOnce() {
        String username = newUser("AGENT", null, "long-enough-1");
        login(username, "long-enough-1").get("/api/me").then().statusCode(200);
        as("admin").body(Map.of("displayName", "已停用", "role", "AGENT", "active", false))
                .put("/api/users/" + username).then().statusCode(200).body("active", equalTo(false));
        login(username, "long-enough-1").get("/api/me").then().statusCode(401);
    }

    @Test
    void aRoleChangeTakesEffectAtOnce() {
        String username = newUser("AGENT", null, "long-enough-1");
        login(username, "long-enough-1").get("/api/users").then().statusCode(403);
        as("admin").body(Map.of("displayName", "升为管理员", "role", "ADMIN", "active", true))
                .put("/api/users/" + username).then().statusCode(200);
        login(username, "long-enough-1").get("/api/users").then().statusCode(200);
    }

    @Test
    void usersChangeTheirOwnPassword() {
        String username = newUser("AGENT", null, "first-password");
        login(username, "first-password").body(Map.of("currentPassword", "not-it", "newPassword", "second-password"))
                .put("/api/me/password").then().statusCode(422)
                .body("violations[0].field", equalTo("currentPassword"));
        login(username, "first-password")
                .body(Map.of("currentPassword", "first-password", "newPassword", "second-password"))
                .put("/api/me/password").then().statusCode(204);
        login(username, "first-password").get("/api/me").then().statusCode(401);
        login(username, "second-password").get("/api/me").then().statusCode(200);
    }

    @Test
    void repeatedFailuresLockTheUsernameUntilAnAdministratorResetsIt() {
        String username = newUser("AGENT", null, "right-password");
        for (int i = 0; i < 5; i++) {
            login(username, "guess-" + i).get("/api/me").then().statusCode(401);
        }
        login(username, "right-password").get("/api/me").then().statusCode(401);
        as("admin").body(Map.of("password", "reset-password")).put("/api/users/" + username + "/password").then()
                .statusCode(204);
        login(username, "reset-password").get("/api/me").then().statusCode(200);
    }

    @Test
    void theDatabaseHoldsOnlySaltedHashes() {
        String stored = hashOf("agent");
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(Api.PASSWORD);
        assertThat(hashOf("supervisor")).as("same password, different salt").isNotEqualTo(stored);
    }

    @Transactional
    String hashOf(String username) {
        return (String) entityManager.createNativeQuery("select password_hash from app_user where username = ?1")
                .setParameter(1, username).getSingleResult();
    }
}
