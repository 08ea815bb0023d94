package org.hotline12345.workorder;

import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.dispatchTo;
import static org.hotline12345.support.Api.registration;
import static org.hotline12345.support.Api.step;

import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The clocks of dispatched work orders through the API, around the 2026 Spring Festival and an ordinary week. */
@QuarkusTest
class WorkOrderDeadlinesTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String dispatchedAt(String localTime, Map<String, Object> changes) {
        clock.set(Shanghai.at(localTime));
        Map<String, Object> body = registration();
        body.putAll(changes);
        body.put("dispatch", dispatchTo("HOUSING"));
        return Api.register(body);
    }

    @Test
    void dispatchedOnFridayBeforeTheSpringFestivalBreak() {
        String number = dispatchedAt("2026-02-13T14:00", Map.of());
        as("agent").get("/api/work-orders/" + number).then()
                .body("acceptClock.deadline", equalTo("2026-02-14T14:00:00+08:00"))
                .body("replyClock.deadline", equalTo("2026-02-27T14:00:00+08:00"))
                .body("replyClock.remaining", equalTo("PT120H"));
        clock.set(Shanghai.at("2026-02-20T09:00"));
        as("agent").get("/api/work-orders/" + number).then()
                .body("acceptClock.overdue", equalTo(true))
                .body("acceptClock.remaining", equalTo("PT-10H"))
                .body("replyClock.overdue", equalTo(false))
                .body("replyClock.remaining", equalTo("PT86H"));
    }

    @Test
    void simpleRequestsHaveOneWorkingDayToReply() {
        String number = dispatchedAt("2026-02-13T14:00", Map.of("simple", true, "requestType", "CONSULTATION"));
        as("agent").get("/api/work-orders/" + number).then()
                .body("replyClock.limit", equalTo("1wd"))
                .body("replyClock.deadline", equalTo("2026-02-14T14:00:00+08:00"));
    }

    @Test
    void urgentRequestsRunAroundTheClockThroughHolidays() {
        String number = dispatchedAt("2026-02-15T22:00", Map.of("urgency", "URGENT"));
        as("agent").get("/api/work-orders/" + number).then()
                .body("acceptClock.limit", equalTo("PT30M"))
                .body("acceptClock.deadline", equalTo("2026-02-15T22:30:00+08:00"))
                .body("replyClock.deadline", equalTo("2026-02-16T22:00:00+08:00"));
    }

    @Test
    void dispatchedOnAHolidayTheClockStartsOnTheNextWorkingDay() {
        String number = dispatchedAt("2026-10-03T11:00", Map.of());
        as("agent").get("/api/work-orders/" + number).then()
                .body("acceptClock.deadline", equalTo("2026-10-09T00:00:00+08:00"))
                .body("replyClock.deadline", equalTo("2026-10-14T00:00:00+08:00"));
    }

    @Test
    void waitingForAReturnDecisionDoesNotCountAgainstTheDepartment() {
        String number = dispatchedAt("2026-11-23T10:00", Map.of());
        clock.set(Shanghai.at("2026-11-23T15:00"));
        step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200)
                .body("acceptClock.paused", equalTo(true))
                .body("acceptClock.remaining", equalTo("PT19H"));
        clock.set(Shanghai.at("2026-11-25T15:00"));
        step("supervisor", number, "return/reject", Map.of("reason", "属你单位职责")).statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("acceptClock.deadline", equalTo("2026-11-26T10:00:00+08:00"))
                .body("acceptClock.remaining", equalTo("PT19H"))
                .body("replyClock.deadline", equalTo("2026-12-02T10:00:00+08:00"));
    }

    @Test
    void anApprovedExtensionMovesTheReplyDeadlineByWorkingDays() {
        String number = dispatchedAt("2026-09-24T10:00", Map.of());
        step("housing", number, "accept").statusCode(200);
        as("agent").get("/api/work-orders/" + number).then()
                .body("replyClock.deadline", equalTo("2026-10-09T10:00:00+08:00"));
        step("housing", number, "extension", Map.of("days", 2, "reason", "国庆假期后需现场核实")).statusCode(200);
        step("supervisor", number, "extension/approve").statusCode(200)
                .body("replyClock.deadline", equalTo("2026-10-12T10:00:00+08:00"));
    }

    @Test
    void reDispatchRestartsTheClocks() {
        String number = dispatchedAt("2026-11-23T10:00", Map.of());
        step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
        clock.set(Shanghai.at("2026-11-27T16:00"));
        step("supervisor", number, "return/approve").statusCode(200)
                .body("acceptClock", equalTo(null));
        clock.set(Shanghai.at("2026-11-27T17:00"));
        step("agent", number, "redispatch", dispatchTo("SAMR")).statusCode(200)
                .body("acceptClock.deadline", equalTo("2026-11-30T17:00:00+08:00"))
                .body("replyClock.deadline", equalTo("2026-12-04T17:00:00+08:00"));
    }
}
