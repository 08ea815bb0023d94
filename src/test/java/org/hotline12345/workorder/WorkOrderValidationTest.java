package org.hotline12345.workorder;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.dispatchTo;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad input is a 400 or 422 problem document naming the field and the rule; never a 500. */
@QuarkusTest
class WorkOrderValidationTest extends DatabaseTest {

    private static ValidatableResponse register(Object body) {
        return as("agent").body(body).post("/api/work-orders").then().contentType("application/problem+json");
    }

    @Test
    void missingFieldsAreNamed() {
        register(Map.of()).statusCode(400)
                .body("violations.field", hasItems("channel", "requestType", "citizen", "title", "content",
                        "categoryCode"))
                .body("violations.find { it.field == 'title' }.rule", equalTo("NotBlank"));
    }

    @Test
    void nestedFieldsAreNamedWithTheirPath() {
        Map<String, Object> body = registration();
        body.put("citizen", Map.of("name", "张三", "phone", "12345"));
        body.put("enterprise", Map.of("name", "某某有限公司", "creditCode", "91330100799655058C"));
        register(body).statusCode(400)
                .body("violations.field", hasItems("citizen.phone", "enterprise.creditCode"))
                .body("violations.find { it.field == 'enterprise.creditCode' }.rule", equalTo("ValidCreditCode"))
                .body("violations.find { it.field == 'citizen.phone' }.rule", equalTo("ValidPhone"));
    }

    @Test
    void aValidCreditCodeIsAccepted() {
        Map<String, Object> body = registration();
        body.put("enterprise", Map.of("name", "某某科技有限公司", "creditCode", "91330100799655058B"));
        as("agent").body(body).post("/api/work-orders").then().statusCode(201)
                .body("enterprise.creditCode", equalTo("91330100799655058B"));
    }

    @Test
    void tooLongTextIsRefused() {
        Map<String, Object> body = registration();
        body.put("title", "长".repeat(201));
        register(body).statusCode(400).body("violations[0].field", equalTo("title"))
                .body("violations[0].rule", equalTo("Size"));
    }

    @Test
    void unknownEnumValuesNameTheFieldAndTheChoices() {
        Map<String, Object> body = registration();
        body.put("requestType", "GOSSIP");
        register(body).statusCode(400)
                .body("violations[0].field", equalTo("requestType"))
                .body("violations[0].rule", equalTo("enum"))
                .body("violations[0].message", startsWith("须为以下之一：[CONSULTATION"));
    }

    @Test
    void wrongJsonTypesAndBrokenJsonAre400() {
        Map<String, Object> body = registration();
        body.put("simple", Map.of("nested", 1));
        register(body).statusCode(400).body("violations[0].field", equalTo("simple"));
        as("agent").body("{\"title\": ").post("/api/work-orders").then().statusCode(400)
                .contentType("application/problem+json");
        as("agent").post("/api/work-orders").then().statusCode(400);
    }

    @Test
    void unknownReferencesAre422() {
        Map<String, Object> body = registration();
        body.put("categoryCode", "999999");
        register(body).statusCode(422).body("violations[0].field", equalTo("categoryCode"))
                .body("violations[0].rule", equalTo("exists"));
        body = registration();
        body.put("dispatch", dispatchTo("NOPE"));
        register(body).statusCode(422).body("violations[0].field", equalTo("dispatch.leadDepartmentCode"));
        body = registration();
        body.put("dispatch", dispatchTo("HOUSING", "SAMR", "HOUSING"));
        register(body).statusCode(422)
                .body("violations[0].field", equalTo("dispatch.assistingDepartmentCodes[1]"))
                .body("violations[0].rule", equalTo("distinct"));
    }

    @Test
    void aRejectedRegistrationLeavesNothingBehind() {
        Map<String, Object> body = registration();
        body.put("dispatch", dispatchTo("NOPE"));
        register(body).statusCode(422);
        as("agent").queryParam("q", body.get("title")).get("/api/work-orders").then().body("total", equalTo(0));
    }

    @Test
    void stepBodiesAreValidatedToo() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "return", Map.of()).statusCode(400).body("violations[0].field", equalTo("reason"));
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "extension", Map.of("days", 0, "reason", "x")).statusCode(400)
                .body("violations[0].field", equalTo("days")).body("violations[0].rule", equalTo("Min"));
        step("housing", number, "extension", Map.of("days", "three", "reason", "x")).statusCode(400)
                .body("violations[0].field", equalTo("days"));
        step("housing", number, "reply", Map.of("content", "已处理")).statusCode(200);
        step("supervisor", number, "review/approve").statusCode(200);
        step("agent", number, "callback", Map.of("reached", true, "resolved", true)).statusCode(400)
                .body("violations[0].field", equalTo("satisfaction"));
        step("agent", number, "callback", Map.of()).statusCode(400).body("violations[0].field", equalTo("reached"));
    }

    @Test
    void badQueryParametersAre400NotEmptyResults() {
        as("agent").queryParam("status", "LOST").get("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as("agent").queryParam("registeredFrom", "yesterday").get("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("registeredFrom"));
        as("agent").queryParam("size", "100000").get("/api/work-orders").then().statusCode(400)
                .body("violations[0].rule", equalTo("range"));
        as("agent").queryParam("page", "-1").get("/api/work-orders").then().statusCode(400);
        as("agent").queryParam("overdue", "maybe").get("/api/work-orders").then().statusCode(400);
        as("agent").queryParam("sort", "title").get("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        as("agent").queryParam("category", "99").get("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
        as("agent").queryParam("q", "100%_\\").get("/api/work-orders").then().statusCode(200);
    }

    @Test
    void everyErrorIsAProblemDocument() {
        as("agent").get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as("agent").body(Api.registration()).put("/api/work-orders").then().statusCode(405)
                .contentType("application/problem+json");
        as("agent").get("/api/work-orders/x").then().statusCode(404).body("status", equalTo(404))
                .body("instance", equalTo("/api/work-orders/x"));
        as("admin").get("/api/users").then().statusCode(200);
        as("agent").get("/api/users").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:hotline12345:problem:forbidden"));
    }
}
