package org.hotline12345.telephony;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.util.List;
import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without an Asterisk configured, the service works and says telephony is off. */
@QuarkusTest
class TelephonyOffTest extends DatabaseTest {

    @Test
    void healthAndStatusSayTelephonyIsNotConfigured() {
        as("agent").get("/q/health/group/telephony").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.configured", equalTo(false));
        as("agent").get("/q/health/ready").then().statusCode(200);
        as("agent").get("/api/telephony/status").then().statusCode(200).body("enabled", equalTo(false))
                .body("connected", equalTo(false));
    }

    @Test
    void phoneActionsAreUnavailableWhileEverythingElseWorks() {
        as("agent").body(Map.of("extension", "1001")).post("/api/telephony/agents/me/login").then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("not configured"));
        as("agent").get("/api/telephony/agents/me").then().statusCode(200).body("state", equalTo("LOGGED_OUT"));
        as("supervisor").get("/api/telephony/wallboard").then().statusCode(200)
                .body("telephonyEnabled", equalTo(false)).body("queues.queue", equalTo(List.of("hotline",
                        "business-desk")));
        String number = Api.registerDispatched("HOUSING");
        as("agent").get("/api/telephony/work-orders/" + number + "/calls").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
