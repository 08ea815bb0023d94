package org.hotline12345.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BootstrapAdminTest extends DatabaseTest {

    @Inject
    BootstrapAdmin bootstrap;

    @Test
    void createsTheAdministratorOnceAndNeverOverwritesAUser() {
        assertThat(bootstrap.ensure("ops-admin", "initial-password")).isTrue();
        given().auth().preemptive().basic("ops-admin", "initial-password").get("/api/me").then().statusCode(200)
                .body("role", equalTo("ADMIN"));
        assertThat(bootstrap.ensure("ops-admin", "another-password")).isFalse();
        assertThat(bootstrap.ensure("agent", "another-password")).isFalse();
        given().auth().preemptive().basic("agent", "another-password").get("/api/me").then().statusCode(401);
    }
}
