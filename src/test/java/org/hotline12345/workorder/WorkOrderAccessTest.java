package org.hotline12345.workorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.dispatchTo;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.util.List;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Who may see and do what, proven from the outside by status codes. */
@QuarkusTest
class WorkOrderAccessTest extends DatabaseTest {

    @Test
    void anonymousAndWrongPasswordsAreRefused() {
        given().get("/api/work-orders").then().statusCode(401);
        given().auth().preemptive().basic("agent", "wrong-password").get("/api/work-orders").then().statusCode(401);
    }

    @Test
    void agentsCannotAcceptReplyReturnOrAskForMoreTime() {
        String number = registerDispatched("HOUSING");
        step("agent", number, "accept").statusCode(403).contentType("application/problem+json");
        step("agent", number, "reply", Map.of("content", "坐席代答")).statusCode(403);
        step("agent", number, "return", Map.of("reason", "坐席退单")).statusCode(403);
        step("agent", number, "extension", Map.of("days", 2, "reason", "坐席延期")).statusCode(403);
        as("agent").get("/api/work-orders/" + number).then().body("status", equalTo("DISPATCHED"));
    }

    @Test
    void departmentsCannotRegisterDispatchOrReview() {
        as("housing").body(registration()).post("/api/work-orders").then().statusCode(403);
        String number = Api.register(registration());
        // not yet its department's: to its staff the work order does not exist
        step("housing", number, "dispatch", dispatchTo("HOUSING")).statusCode(404);
        String held = Api.registerDispatched("HOUSING");
        step("housing", held, "urge").statusCode(403).body("detail", equalTo("“催办”由热线（坐席、营商环境专席、班长）办理，本单位不能对工单 "
                + held + " 进行此操作"));
        as("admin").body(registration()).post("/api/work-orders").then().statusCode(403);
    }

    @Test
    void onlySupervisorsApproveReturnsAndExtensions() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
        step("agent", number, "return/approve").statusCode(403);
        step("desk", number, "return/approve").statusCode(403);
        step("housing", number, "return/approve").statusCode(403);
        step("supervisor", number, "return/reject", Map.of("reason", "属你单位职责")).statusCode(200);

        step("housing", number, "accept").statusCode(200);
        step("housing", number, "extension", Map.of("days", 2, "reason", "需调查")).statusCode(200);
        step("agent", number, "extension/approve").statusCode(403);
        step("housing", number, "extension/approve").statusCode(403);
        step("supervisor", number, "extension/approve").statusCode(200);
    }

    @Test
    void otherDepartmentsDoNotSeeAWorkOrderAtAll() {
        String number = registerDispatched("HOUSING");
        as("market").get("/api/work-orders/" + number).then().statusCode(404);
        as("market").get("/api/work-orders/" + number + "/history").then().statusCode(404);
        step("market", number, "accept").statusCode(404);
        step("market", number, "return", Map.of("reason", "试图退他人的单")).statusCode(404);
        as("housing").get("/api/work-orders/" + number).then().statusCode(200);
    }

    @Test
    void departmentListsHoldOnlyTheirOwnWorkOrders() {
        String housing = registerDispatched("HOUSING");
        String market = registerDispatched("SAMR");
        String assisted = registerDispatched("D-EAST", "HOUSING");
        as("housing").queryParam("size", 200).get("/api/work-orders").then().statusCode(200)
                .body("items.number", hasItem(housing))
                .body("items.number", hasItem(assisted))
                .body("items.number", not(hasItem(market)))
                .body("total", greaterThan(1));
        List<String> visibleToMarket = as("market").queryParam("size", 200).get("/api/work-orders").then()
                .body("items.number", hasItem(market))
                .body("items.number", not(hasItem(housing)))
                .extract().path("items.number");
        for (String number : visibleToMarket) {
            as("market").get("/api/work-orders/" + number).then().statusCode(200)
                    .body("assignments.department.code", hasItem("SAMR"));
        }
        as("agent").queryParam("size", 200).get("/api/work-orders").then()
                .body("items.number", hasItem(housing))
                .body("items.number", hasItem(market));
    }

    @Test
    void aConfidentialCitizenIsMaskedForEveryoneButTheHotline() {
        Map<String, Object> body = registration();
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = (Map<String, Object>) body.get("citizen");
        citizen.put("name", "李四光");
        citizen.put("phone", "13812345678");
        citizen.put("confidential", true);
        body.put("dispatch", dispatchTo("HOUSING"));
        String number = Api.register(body);

        as("housing").get("/api/work-orders/" + number).then().statusCode(200)
                .body("citizen.phone", equalTo("138****5678"))
                .body("citizen.name", equalTo("李**"))
                .body("citizen.masked", equalTo(true));
        as("housing").queryParam("q", body.get("title")).get("/api/work-orders").then()
                .body("items[0].citizenName", equalTo("李**"));
        as("admin").get("/api/work-orders/" + number).then().body("citizen.phone", equalTo("138****5678"));
        for (String hotline : new String[]{"agent", "desk", "supervisor"}) {
            as(hotline).get("/api/work-orders/" + number).then()
                    .body("citizen.phone", equalTo("13812345678"))
                    .body("citizen.name", equalTo("李四光"))
                    .body("citizen.masked", equalTo(false));
        }
    }

    @Test
    void aCitizenWhoDidNotAskForConfidentialityIsShownInFull() {
        String number = registerDispatched("HOUSING");
        as("housing").get("/api/work-orders/" + number).then()
                .body("citizen.phone", equalTo("13812345678"))
                .body("citizen.masked", equalTo(false));
    }

    @Test
    void aDepartmentKeepsReadingWhatItReturnedButCannotActOnIt() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
        step("supervisor", number, "return/approve").statusCode(200);
        step("agent", number, "redispatch", dispatchTo("SAMR")).statusCode(200);
        as("housing").get("/api/work-orders/" + number).then().statusCode(200);
        step("housing", number, "accept").statusCode(403);
        as("housing").queryParam("department", "HOUSING").queryParam("size", 200).get("/api/work-orders").then()
                .body("items.number", not(hasItem(number)));
    }
}
