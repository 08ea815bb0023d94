package org.hotline12345.dispatch;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hotline12345.support.Api.as;

import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.AutomaticDispatch;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * 自动派单 is the administrators' switch while the service runs: a registration follows it at once, one that opts out
 * stays with the agent whatever it says, and a threshold below 0.5 is refused naming the field.
 */
@QuarkusTest
class DispatchSettingsTest extends DatabaseTest {

    @Test
    void registrationsFollowTheSwitchAsSoonAsItIsTurned() {
        // the rule alone weighs 0.7 once a department model is in use, which knows nothing of 物业 here
        try (AutomaticDispatch on = AutomaticDispatch.on(0.6)) {
            as("admin").get("/api/dispatch/settings").then().statusCode(200).body("autoDispatch", equalTo(true))
                    .body("changedBy", equalTo("admin")).body("changedAt", notNullValue());
            // 物业服务收费 in 城东区 has a rule (住建): sure enough to go by itself
            String dispatched = Api.register(Api.registration());
            as("agent").get("/api/work-orders/" + dispatched).then().body("status", equalTo("DISPATCHED"))
                    .body("leadDepartment.code", equalTo("HOUSING"));

            Map<String, Object> optedOut = Api.registration();
            optedOut.put("autoDispatch", false);
            as("agent").get("/api/work-orders/" + Api.register(optedOut)).then().body("status",
                    equalTo("REGISTERED"));
        }
        as("admin").get("/api/dispatch/settings").then().body("autoDispatch", equalTo(false));
        as("agent").get("/api/work-orders/" + Api.register(Api.registration())).then().body("status",
                equalTo("REGISTERED"));
    }

    @Test
    void onlyAnAdministratorChangesItAndTheThresholdHasItsRange() {
        as("supervisor").get("/api/dispatch/settings").then().statusCode(200);
        as("supervisor").body(Map.of("autoDispatch", true, "autoDispatchThreshold", 0.9)).put("/api/dispatch/settings")
                .then().statusCode(403);
        as("agent").get("/api/dispatch/settings").then().statusCode(403);
        as("admin").body(Map.of("autoDispatch", true, "autoDispatchThreshold", 0.3)).put("/api/dispatch/settings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("autoDispatchThreshold"))
                .body("violations.message", hasItem("须在 0.5 至 1 之间"));
        as("admin").body(Map.of("autoDispatchThreshold", 0.9)).put("/api/dispatch/settings").then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("autoDispatch")));
        as("admin").get("/api/dispatch/settings").then().body("autoDispatch", equalTo(false));
    }
}
