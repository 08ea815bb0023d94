package org.hotline12345.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Api.step;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Shanghai;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A simulated month of hourly supervision passes around each long holiday of 2026, checking that every card, urge
 * and escalation happens exactly once, at the right working-time moment, and that a moved deadline lifts its cards.
 */
@QuarkusTest
class SupervisionMonthTest extends DatabaseTest {

    @Inject
    MutableClock clock;

    @Inject
    DeadlineSupervisor supervisor;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Registers and dispatches at {@code localTime}; {@code changes} adjust the registration. */
    private String dispatchedAt(String localTime, String lead, Map<String, Object> changes) {
        clock.set(Shanghai.at(localTime));
        Map<String, Object> body = Api.registration();
        body.putAll(changes);
        body.put("dispatch", Api.dispatchTo(lead));
        return Api.register(body);
    }

    private void at(String localTime) {
        clock.set(Shanghai.at(localTime));
    }

    /** Hourly passes from the clock's current time up to {@code localEnd}, as the scheduled job would run them. */
    private void passesUntil(String localEnd) throws SQLException {
        Instant end = Shanghai.at(localEnd);
        Instant now = clock.instant();
        while (!now.isAfter(end)) {
            clock.set(now);
            supervisor.pass(now);
            now = now.plus(Duration.ofHours(1));
        }
    }

    /** The supervision events of a work order, as "TYPE CLOCK local-time". */
    private static List<String> cards(String number) {
        List<Map<String, Object>> history = as("supervisor").get("/api/work-orders/" + number + "/history").then()
                .statusCode(200).extract().path("findAll { it.type in ['YELLOW_CARD', 'RED_CARD', 'ESCALATED', "
                        + "'CARD_LIFTED'] }");
        return history.stream().map(event -> event.get("type") + " " + ((Map<?, ?>) event.get("details")).get("clock")
                + " " + event.get("at").toString().substring(0, 16)).toList();
    }

    @Test
    void springFestival() throws SQLException {
        // accepted at once: only the reply clock runs; 5 working days end 02-24 09:00, the break in between
        String accepted = dispatchedAt("2026-02-10T09:00", "HOUSING", Map.of());
        step("housing", accepted, "accept").statusCode(200);
        // never accepted, dispatched the Friday before the break
        String ignored = dispatchedAt("2026-02-13T14:00", "SAMR", Map.of());
        // a simple request: one working day to reply, on the make-up Saturday
        String simple = dispatchedAt("2026-02-13T16:00", "HOUSING", Map.of("simple", true));
        step("housing", simple, "accept").statusCode(200);
        // urgent, dispatched in the middle of the holiday: its clocks run around the clock
        String urgent = dispatchedAt("2026-02-16T10:00", "D-EAST", Map.of("urgency", "URGENT"));
        // granted three more working days after its yellow card
        String extended = dispatchedAt("2026-02-10T09:00", "HOUSING", Map.of());
        step("housing", extended, "accept").statusCode(200);

        at("2026-02-10T10:00");
        passesUntil("2026-02-14T09:00");
        at("2026-02-14T09:30");
        step("housing", extended, "extension", Map.of("days", 3, "reason", "节前需多部门会商")).statusCode(200);
        step("supervisor", extended, "extension/approve").statusCode(200);
        at("2026-02-14T10:00");
        passesUntil("2026-03-10T09:00");
        at("2026-03-10T09:00");

        assertThat(cards(accepted)).containsExactly(
                "YELLOW_CARD REPLY 2026-02-14T09:00",
                "RED_CARD REPLY 2026-02-24T09:00",
                "ESCALATED REPLY 2026-02-27T09:00");
        assertThat(cards(ignored)).containsExactly(
                "YELLOW_CARD ACCEPT 2026-02-14T08:00",
                "RED_CARD ACCEPT 2026-02-14T14:00",
                "ESCALATED ACCEPT 2026-02-26T14:00",
                "YELLOW_CARD REPLY 2026-02-26T14:00",
                "RED_CARD REPLY 2026-02-27T14:00",
                "ESCALATED REPLY 2026-03-03T14:00");
        assertThat(cards(simple)).containsExactly(
                "YELLOW_CARD REPLY 2026-02-14T10:00",
                "RED_CARD REPLY 2026-02-14T16:00",
                "ESCALATED REPLY 2026-02-26T16:00");
        // hourly passes: the 10:22:30 yellow and the 10:30 red fall in one hour, so only the red is raised; the
        // escalations count 3 working days from the first working day after the break
        assertThat(cards(urgent)).containsExactly(
                "RED_CARD ACCEPT 2026-02-16T11:00",
                "YELLOW_CARD REPLY 2026-02-17T04:00",
                "RED_CARD REPLY 2026-02-17T10:00",
                "ESCALATED ACCEPT 2026-02-27T00:00",
                "ESCALATED REPLY 2026-02-27T00:00");
        assertThat(cards(extended)).containsExactly(
                "YELLOW_CARD REPLY 2026-02-14T09:00",
                "CARD_LIFTED REPLY 2026-02-14T09:30",
                "YELLOW_CARD REPLY 2026-02-26T09:00",
                "RED_CARD REPLY 2026-02-27T09:00",
                "ESCALATED REPLY 2026-03-03T09:00");
    }

    @Test
    void nationalDay() throws SQLException {
        // one working day from Friday 09-18: the make-up Sunday 09-20
        String simple = dispatchedAt("2026-09-18T10:00", "HOUSING", Map.of("simple", true));
        step("housing", simple, "accept").statusCode(200);
        // five working days from 09-29: 09-30, then after the break 10-08, 10-09, the make-up 10-10 and 10-12
        String normal = dispatchedAt("2026-09-29T10:00", "SAMR", Map.of());
        step("market", normal, "accept").statusCode(200);
        at("2026-09-18T11:00");
        passesUntil("2026-10-20T10:00");
        at("2026-10-20T10:00");

        assertThat(cards(simple)).containsExactly(
                "YELLOW_CARD REPLY 2026-09-20T04:00",
                "RED_CARD REPLY 2026-09-20T10:00",
                "ESCALATED REPLY 2026-09-23T10:00");
        assertThat(cards(normal)).containsExactly(
                "YELLOW_CARD REPLY 2026-10-10T10:00",
                "RED_CARD REPLY 2026-10-12T10:00",
                "ESCALATED REPLY 2026-10-15T10:00");
    }

    @Test
    void aPendingReturnPausesTheCardsAndItsRejectionLiftsThem() throws SQLException {
        String number = dispatchedAt("2026-12-07T10:00", "HOUSING", Map.of());
        step("housing", number, "accept").statusCode(200);
        at("2026-12-07T11:00");
        passesUntil("2026-12-11T11:00");
        step("housing", number, "return", Map.of("reason", "非本单位职责")).statusCode(200);
        at("2026-12-11T12:00");
        passesUntil("2026-12-16T10:00");
        assertThat(cards(number)).as("no red card while the return waits").containsExactly(
                "YELLOW_CARD REPLY 2026-12-11T10:00");
        at("2026-12-16T11:00");
        // three working days waited for the decision: the reply deadline moves from 12-14 10:00 to 12-17 10:00
        step("supervisor", number, "return/reject", Map.of("reason", "属你单位职责")).statusCode(200);
        at("2026-12-16T12:00");
        passesUntil("2026-12-17T10:00");
        assertThat(cards(number)).containsExactly(
                "YELLOW_CARD REPLY 2026-12-11T10:00",
                "CARD_LIFTED REPLY 2026-12-16T11:00",
                "YELLOW_CARD REPLY 2026-12-16T12:00",
                "RED_CARD REPLY 2026-12-17T10:00");
    }

    @Test
    void anApprovedReturnLiftsTheCardsAndReDispatchStartsAfresh() throws SQLException {
        String number = dispatchedAt("2026-12-07T10:00", "HOUSING", Map.of());
        at("2026-12-07T11:00");
        passesUntil("2026-12-08T11:00");
        step("housing", number, "return", Map.of("reason", "属市场监管职责")).statusCode(200);
        at("2026-12-08T11:30");
        step("supervisor", number, "return/approve").statusCode(200);
        at("2026-12-08T12:00");
        step("agent", number, "redispatch", Api.dispatchTo("SAMR")).statusCode(200);
        passesUntil("2026-12-09T13:00");
        assertThat(cards(number)).containsExactly(
                "YELLOW_CARD ACCEPT 2026-12-08T04:00",
                "RED_CARD ACCEPT 2026-12-08T10:00",
                "CARD_LIFTED ACCEPT 2026-12-08T11:30",
                "YELLOW_CARD ACCEPT 2026-12-09T06:00",
                "RED_CARD ACCEPT 2026-12-09T12:00");
        as("market").queryParam("limit", 10_000).get("/api/supervision/cards").then()
                .body("findAll { it.workOrderNumber == '" + number + "' }.level", contains("RED"));
        as("housing").queryParam("limit", 10_000).get("/api/supervision/cards").then()
                .body("workOrderNumber", not(hasItem(number)));
    }

    @Test
    void aReplyEndsTheCardsAndAnotherPassRaisesNothing() throws SQLException {
        String number = dispatchedAt("2026-06-01T10:00", "HOUSING", Map.of());
        step("housing", number, "accept").statusCode(200);
        at("2026-06-01T11:00");
        passesUntil("2026-06-09T11:00");
        assertThat(cards(number)).containsExactly("YELLOW_CARD REPLY 2026-06-05T10:00",
                "RED_CARD REPLY 2026-06-08T10:00");
        step("housing", number, "reply", Map.of("content", "已办结")).statusCode(200);
        passesUntil("2026-06-30T11:00");
        assertThat(cards(number)).as("no escalation once replied").hasSize(2);
        as("supervisor").queryParam("limit", 10_000).get("/api/supervision/cards").then().statusCode(200)
                .body("workOrderNumber", not(hasItem(number)));
    }
}
