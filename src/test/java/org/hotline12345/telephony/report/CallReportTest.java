package org.hotline12345.telephony.report;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;
import static org.hotline12345.support.Api.as;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.hotline12345.support.Browser;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Excel;
import org.hotline12345.support.MutableClock;
import org.hotline12345.support.Pages;
import org.hotline12345.telephony.TelephonyProfile;
import org.hotline12345.telephony.TelephonyTestPeers;
import org.hotline12345.telephony.peer.AgiCall;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * 话务报表 of a morning played through the simulated Asterisk on a day no other test uses (2025-03-04): an agent signs
 * in at 09:00, answers a call after 10 s and talks 2 minutes, two callers give up (one within the short-abandon 5 s),
 * the agent pauses 10 minutes for 小休 and signs out at 10:00. The figures are read back as JSON, Excel and the page.
 */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class CallReportTest extends DatabaseTest {

    private static final String DAY = "2025-03-04";
    private static final String PERIOD = "?from=" + DAY + "&to=" + DAY + "&interval=30";
    private static final Member MEMBER = new Member("hotline", "PJSIP/1131", "agent");

    @Inject
    MutableClock clock;

    @TestHTTPResource("/")
    URL base;

    /** The morning is played once for the class's tests, which only read it. */
    private static boolean played;

    private FakeAsterisk asterisk;

    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + "+08:00");
    }

    @BeforeEach
    void playTheMorningOnce() throws Exception {
        if (played) {
            return;
        }
        played = true;
        asterisk = TelephonyTestPeers.actingOnQueueActions();
        try {
            clock.set(at("09:00:00"));
            as("agent").body(Map.of("extension", "1131")).post("/api/telephony/agents/me/login").then()
                    .statusCode(200);
            awaitState("READY");

            Channel answered = caller("13800000001");
            Channel agentLeg = Channel.agent("PJSIP/1131-00000001", "1796000000.2", answered);
            clock.set(at("09:05:00"));
            asterisk.event(AmiEvents.queueCallerJoin(answered, "hotline", 1, 1));
            asterisk.event(AmiEvents.agentCalled(answered, agentLeg, MEMBER));
            awaitState("RINGING");
            clock.set(at("09:05:10"));
            asterisk.event(AmiEvents.queueCallerLeave(answered, "hotline", 1, 0));
            asterisk.event(AmiEvents.agentConnect(answered, agentLeg.withState(6), MEMBER, 10, 10));
            awaitState("ON_CALL");
            clock.set(at("09:07:10"));
            asterisk.event(AmiEvents.agentComplete(answered, agentLeg.withState(6), MEMBER, 10, 120, "agent"));
            asterisk.event(AmiEvents.hangup(agentLeg.withState(6), 16, "Normal Clearing"));
            awaitState("WRAP_UP");
            new AgiCall(TelephonyTestPeers.agiPort(), "survey?result=5").channel(answered.name(), answered.uniqueId())
                    .callerId(answered.callerIdNum()).run(Duration.ofSeconds(10));
            asterisk.event(AmiEvents.hangup(answered, 16, "Normal Clearing"));
            // the queues' wrap-up (10 s) is over at the next tick
            clock.set(at("09:07:40"));
            awaitState("READY");

            giveUp(caller("13800000002"), "09:10:00", "09:10:03", 3);
            giveUp(caller("13800000003"), "09:20:00", "09:20:40", 40);

            clock.set(at("09:30:00"));
            as("agent").body(Map.of("reason", "小休")).post("/api/telephony/agents/me/pause").then().statusCode(200);
            awaitState("PAUSED");
            clock.set(at("09:40:00"));
            as("agent").post("/api/telephony/agents/me/ready").then().statusCode(200);
            awaitState("READY");
            clock.set(at("10:00:00"));
            as("agent").post("/api/telephony/agents/me/logout").then().statusCode(200);
            awaitState(null);
            // both callers on the callback list while the clock still reads that day
            await("the missed calls listed").atMost(ofSeconds(20)).until(
                    () -> report().getLong("figures.total.callbacks.missed"),
                    missed -> missed == 2);
        } finally {
            clock.reset();
            as("agent").post("/api/telephony/agents/me/logout");
        }
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    @Test
    void theDaysFiguresAreComputedFromTheCallRecordsAndTheStateLog() {
        JsonPath report = report();
        assertThat(report.getInt("intervalMinutes")).isEqualTo(30);
        assertThat(report.getLong("figures.total.calls.offered")).isEqualTo(3);
        assertThat(report.getLong("figures.total.calls.answered")).isEqualTo(1);
        assertThat(report.getLong("figures.total.calls.abandoned")).isEqualTo(1);
        assertThat(report.getLong("figures.total.calls.shortAbandoned")).isEqualTo(1);
        assertThat(report.getDouble("figures.total.calls.serviceLevel")).isCloseTo(0.5, offset(1e-6));
        assertThat(report.getDouble("figures.total.calls.averageSpeedOfAnswer")).isEqualTo(10.0);
        assertThat(report.getDouble("figures.total.calls.averageTalk")).isEqualTo(120.0);
        assertThat(report.getDouble("figures.total.calls.averageWrapUp")).isEqualTo(30.0);
        assertThat(report.getDouble("figures.total.calls.averageHandlingTime")).isEqualTo(150.0);

        JsonPath agent = new JsonPath(report.prettify()).setRootPath("figures.agents.find { it.key == 'agent' }");
        assertThat(agent.getLong("time.staffedSeconds")).isEqualTo(3600);
        assertThat(agent.getLong("time.availableSeconds")).isEqualTo(3000);
        assertThat(agent.getLong("time.busySeconds")).isEqualTo(150);
        assertThat(agent.getDouble("time.occupancy")).isCloseTo(0.05, offset(1e-6));
        assertThat(agent.getLong("time.pausedSeconds")).isEqualTo(600);
        assertThat(agent.getMap("time.pausedByReason")).containsOnlyKeys("小休");
        assertThat(((Number) agent.getMap("time.pausedByReason").get("小休")).longValue()).isEqualTo(600);

        JsonPath nine = new JsonPath(report.prettify())
                .setRootPath("figures.intervals.find { it.key == '" + DAY + " 09:00' }");
        assertThat(nine.getLong("calls.offered")).isEqualTo(3);
        assertThat(nine.getLong("time.busySeconds")).isEqualTo(150);
        assertThat(nine.getLong("callbacks.missed")).isEqualTo(2);
        assertThat(nine.getLong("callbacks.withinTarget")).isZero();
        assertThat(report.getLong("figures.total.ratings.byLevel.VERY_SATISFIED")).isEqualTo(1);
        assertThat(report.getDouble("figures.total.ratings.satisfiedShare")).isCloseTo(1.0, offset(1e-6));
        assertThat(report().prettify()).as("the same records, the same figures").isEqualTo(report.prettify());

        // the stats page's 满意率 counts the rating with the callbacks
        JsonPath stats = new JsonPath(Pages.as("supervisor").get("/supervisor/stats/data?from=" + DAY + "&to=" + DAY)
                .then().statusCode(200).extract().asString());
        assertThat(stats.getLong("ratings.total")).isEqualTo(1);
        assertThat(stats.getLong("rates.satisfied.base")).isEqualTo(1);
        assertThat(stats.getLong("rates.satisfied.count")).isEqualTo(1);
    }

    @Test
    void theTablesExportToExcel() {
        List<List<String>> sheet = Excel.rows(Pages.as("supervisor").get("/supervisor/call-reports/export" + PERIOD)
                .then().statusCode(200).extract().asByteArray());
        assertThat(sheet.get(0)).startsWith("队列", "呼入", "接通", "放弃", "短时放弃", "15秒内接通", "服务水平(%)");
        assertThat(sheet).filteredOn(row -> row.get(0).equals("12345 热线")).singleElement()
                .satisfies(row -> assertThat(row.subList(1, 7)).containsExactly("3.0", "1.0", "1.0", "1.0", "1.0",
                        "50.0"));
        assertThat(sheet.get(sheet.size() - 1).get(0)).isEqualTo("全部");
    }

    @Test
    void supervisorsSeeTheChartsAndABadPeriodIsSaidOnThePage() {
        Pages.as("supervisor").get("/supervisor/call-reports?from=2025-03-05&to=2025-03-01").then().statusCode(422)
                .contentType("text/html");
        Pages.as("supervisor").get("/supervisor/call-reports/data?from=" + DAY + "&interval=20").then()
                .statusCode(422).contentType("application/problem+json");
        Pages.as("supervisor").get("/supervisor/call-reports/data?from=2025-01-01&to=2025-03-01&interval=15").then()
                .statusCode(422);
        Pages.as("agent").get("/supervisor/call-reports").then().statusCode(403);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn("supervisor");
            browser.driver().findElement(By.linkText("话务报表")).click();
            assertThat(browser.text(By.tagName("h1"))).startsWith("话务报表");
            browser.go("/supervisor/call-reports" + PERIOD);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body"))
                            .getDomAttribute("data-charts-drawn")));
            assertThat(browser.driver().findElements(By.cssSelector("#chart-intervals canvas"))).isNotEmpty();
            assertThat(browser.text(By.id("offered"))).isEqualTo("3");
            assertThat(browser.text(By.id("service-level"))).isEqualTo("50.0%");
            assertThat(browser.text(By.id("aht"))).isEqualTo("2:30");
            assertThat(browser.text(By.cssSelector("#agents tr[data-key=agent] .occupancy"))).isEqualTo("5.0%");
            assertThat(browser.text(By.cssSelector("#queues tr[data-key=hotline]"))).startsWith("12345 热线");
            browser.screenshot("supervisor-call-report");

            browser.go("/supervisor/call-reports?from=2025-03-05&to=2025-03-01");
            assertThat(browser.text(By.id("error"))).isEqualTo("止：结束日期早于开始日期");
            assertThat(browser.driver().findElements(By.id("me"))).as("in the site's frame").isNotEmpty();
        }
    }

    private void giveUp(Channel caller, String joined, String gone, long holdSeconds) {
        clock.set(at(joined));
        asterisk.event(AmiEvents.queueCallerJoin(caller, "hotline", 1, 1));
        awaitRecorded(caller.uniqueId(), "queuedAt");
        clock.set(at(gone));
        asterisk.event(AmiEvents.queueCallerAbandon(caller, "hotline", 1, 1, holdSeconds));
        asterisk.event(AmiEvents.queueCallerLeave(caller, "hotline", 1, 0));
        asterisk.event(AmiEvents.hangup(caller, 16, "Normal Clearing"));
        awaitRecorded(caller.uniqueId(), "endedAt");
    }

    private static void awaitRecorded(String callId, String field) {
        await(callId + " " + field).atMost(ofSeconds(20)).until(() -> {
            Response call = as("supervisor").get("/api/telephony/calls/" + callId);
            return call.statusCode() == 200 ? call.jsonPath().getString(field) : null;
        }, recorded -> recorded != null);
    }

    private static JsonPath report() {
        return new JsonPath(Pages.as("supervisor").get("/supervisor/call-reports/data" + PERIOD).then()
                .statusCode(200).extract().asString());
    }

    /**
     * Waits until the switchboard itself has the agent at the phone in {@code state} ({@code null}: gone), as the
     * wallboard reads it: the agent's own view falls back on the session and could answer before the event is applied.
     */
    private static void awaitState(String state) {
        // a boolean condition, as Awaitility's predicate form never accepts null
        await("agent " + state).atMost(ofSeconds(20)).until(() -> Objects.equals(
                as("supervisor").get("/api/telephony/wallboard").then().statusCode(200).extract().jsonPath()
                        .getString("agents.find { it.username == 'agent' && it.device == '" + MEMBER.iface()
                                + "' }.state"),
                state));
    }

    private static Channel caller(String number) {
        return Channel.caller("PJSIP/carrier-r" + number.substring(7), "1796" + number.substring(7) + ".1",
                number);
    }
}
