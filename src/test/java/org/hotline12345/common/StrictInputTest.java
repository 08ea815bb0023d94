package org.hotline12345.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.registerDispatched;
import static org.hotline12345.support.Api.step;

import java.util.Map;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Input the documentation does not allow is refused with a violation naming the field and the rule, not bent. */
@QuarkusTest
class StrictInputTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNumberIsNotAnEnumConstant() {
        Map<String, Object> body = Api.registration();
        body.put("channel", 3);
        as("agent").body(body).post("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("channel")).body("violations[0].rule", equalTo("enum"));
    }

    @Test
    void halfASurrogatePairIsRefusedAndAWholeOneKept() throws JsonProcessingException {
        Map<String, Object> body = Api.registration();
        body.put("title", "TITLE");
        String lone = JSON.writeValueAsString(body).replace("TITLE", "物业\\ud800收费");
        as("agent").body(lone).post("/api/work-orders").then().statusCode(400)
                .body("violations[0].field", equalTo("title")).body("violations[0].rule", equalTo("text"))
                .body("violations[0].message", containsString("代理项"));
        String pair = JSON.writeValueAsString(body).replace("TITLE", "物业\\ud83d\\ude00收费");
        String number = as("agent").body(pair).post("/api/work-orders").then().statusCode(201)
                .body("title", equalTo("物业😀收费")).extract().path("number");
        as("agent").get("/api/work-orders/" + number).then().body("title", equalTo("物业😀收费"));
    }

    @Test
    void aWholeNumberHasNoFraction() {
        String number = registerDispatched("HOUSING");
        step("housing", number, "accept").statusCode(200);
        step("housing", number, "extension", Map.of("days", 2.5, "reason", "需要现场核实")).statusCode(400)
                .body("violations[0].field", equalTo("days"));
    }

    @Test
    void aTimeLimitIsAtMostAYear() {
        as("agent").queryParam("start", "2026-02-13T14:00:00+08:00").queryParam("limit", "PT99999999999H")
                .get("/api/calendar/deadline").then().statusCode(400)
                .body("violations[0].field", equalTo("limit")).body("violations[0].rule", equalTo("time-limit"));
        as("agent").queryParam("start", "2026-02-13T14:00:00+08:00").queryParam("limit", "PT24H")
                .get("/api/calendar/deadline").then().statusCode(200)
                .body("deadline", equalTo("2026-02-14T14:00:00+08:00"));
    }
}
