package org.hotline12345.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiDocumentationAndHealthTest extends DatabaseTest {

    @Test
    void openApiDescribesEveryWorkOrderStep() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/work-orders'.post.summary", containsString("受理"))
                .body("paths.keySet()", hasItem("/api/work-orders/{number}/return/approve"))
                .body("paths.keySet()", hasItem("/api/work-orders/{number}/callback"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("basic"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthReportsTheDatabaseAndTheCalendar() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("working-calendar"))
                .body("checks.find { it.name == 'working-calendar' }.data.coveredYears", equalTo("[2024, 2025, 2026]"));
    }
}
