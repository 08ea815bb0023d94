package org.hotline12345.telephony.callback;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.telephony.callback.MissedCallPeers.abandon;
import static org.hotline12345.telephony.callback.MissedCallPeers.answered;
import static org.hotline12345.telephony.callback.MissedCallPeers.awaitEntry;
import static org.hotline12345.telephony.callback.MissedCallPeers.drain;
import static org.hotline12345.telephony.callback.MissedCallPeers.phone;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.hotline12345.telephony.TelephonyProfile;
import org.hotline12345.telephony.TelephonyTestPeers;
import org.hotline12345.telephony.peer.AgiCall;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.hotline12345.telephony.peer.FakeAsterisk.Packet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * 漏接回拨 against the simulated Asterisk: calls abandoned in the queue reach the callback list from the call records,
 * one entry per number; an agent takes the oldest with one request, which rings their phone through Originate, and
 * records what came of it; a caller who gets through on their own leaves the list; the IVR notes callers after hours.
 */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class MissedCallsTest extends DatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    MutableClock clock;

    private FakeAsterisk asterisk;

    @BeforeEach
    void asteriskActsOnQueueActions() {
        asterisk = TelephonyTestPeers.actingOnQueueActions();
    }

    @AfterEach
    void signOutAndResetTheClock() {
        clock.reset();
        as("agent").post("/api/telephony/agents/me/logout");
    }

    @Test
    void repeatedMissesOfANumberCollapseAndTheAgentCallsItBackUntilReached() {
        signIn("agent", "1121");
        drain("agent");
        String phone = phone();
        String first = abandon(asterisk, phone, 25);
        JsonPath entry = awaitEntry(phone);
        assertThat(entry.getString("reason")).isEqualTo("ABANDONED");
        assertThat(entry.getString("queue")).isEqualTo("hotline");
        assertThat(entry.getString("status")).isEqualTo("WAITING");
        assertThat(entry.getList("history.calls.callId")).contains(first);
        assertThat(entry.getList("history.calls.answered", Boolean.class)).containsOnly(false);
        long id = entry.getLong("id");

        abandon(asterisk, phone, 40);
        JsonPath twice = await("the second miss counted on the same entry").atMost(ofSeconds(20)).until(
                () -> MissedCallPeers.entry(phone),
                e -> e != null && e.getInt("missedCount") == 2);
        assertThat(twice.getLong("id")).isEqualTo(id);
        assertThat(twice.getString("firstMissedAt")).isEqualTo(entry.getString("firstMissedAt"));

        JsonPath taken = as("agent").post("/api/telephony/missed-calls/next").then().statusCode(202).extract()
                .jsonPath();
        assertThat(taken.getLong("missedCall.id")).isEqualTo(id);
        assertThat(taken.getString("missedCall.status")).isEqualTo("CALLING");
        assertThat(taken.getString("missedCall.claimedBy")).isEqualTo("agent");
        assertThat(taken.getString("extension")).isEqualTo("1121");
        Packet originate = lastOriginate();
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/1121");
        assertThat(originate.get("Exten")).isEqualTo(phone);
        assertThat(originate.get("ChannelId")).isEqualTo(taken.getString("callId"));
        assertThat(originate.getAll("Variable")).contains("HOTLINE_CALL_KIND=missed-call");

        as("agent").post("/api/telephony/missed-calls/next").then().statusCode(409);
        as("desk").body(Map.of("outcome", "REACHED")).post("/api/telephony/missed-calls/" + id + "/outcome").then()
                .statusCode(403);
        as("agent").body(Map.of("outcome", "MAYBE")).post("/api/telephony/missed-calls/" + id + "/outcome").then()
                .statusCode(400).contentType("application/problem+json");

        as("agent").body(Map.of("outcome", "BUSY")).post("/api/telephony/missed-calls/" + id + "/outcome").then()
                .statusCode(200).body("status", equalTo("WAITING")).body("attempts", equalTo(1))
                .body("attemptHistory[0].outcome", equalTo("BUSY"));
        as("agent").post("/api/telephony/missed-calls/next").then().statusCode(204);

        // offered again once the retry wait (10 minutes) has passed, after any older entry due again by then
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        assertThat(MissedCallPeers.takeUntil("agent", id).getString("missedCall.status")).isEqualTo("CALLING");
        as("agent").body(Map.of("outcome", "REACHED")).post("/api/telephony/missed-calls/" + id + "/outcome").then()
                .statusCode(200).body("status", equalTo("REACHED")).body("attempts", equalTo(2))
                .body("attemptHistory.outcome", equalTo(List.of("BUSY", "REACHED")));
        List<Long> closed = as("supervisor").get("/api/telephony/missed-calls/closed-today").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertThat(closed).contains(id);
        assertThat(MissedCallPeers.entry(phone)).as("off the list").isNull();
    }

    @Test
    void aCallerWhoGetsThroughOnTheirOwnLeavesTheList() {
        String phone = phone();
        abandon(asterisk, phone, 30);
        long id = awaitEntry(phone).getLong("id");
        answered(asterisk, phone, 5);
        await("closed as called in").atMost(ofSeconds(20))
                .until(() -> as("supervisor").get("/api/telephony/missed-calls/" + id).then()
                        .statusCode(200).extract().jsonPath(), e -> "CALLED_IN".equals(e.getString("status")));
    }

    @Test
    void outsideServiceHoursTheIvrNotesCallersThatCanBeCalledBack() throws Exception {
        String phone = phone();
        String callId = "1795100000." + System.nanoTime() % 100_000;
        assertThat(agi("caller-lookup", phone, callId).variables()).as("service around the clock by default")
                .containsEntry("HOTLINE_AFTER_HOURS", "0");
        assertThat(agi("after-hours", phone, callId).variables()).containsEntry("HOTLINE_CALLBACK_NOTED", "1");
        JsonPath entry = awaitEntry(phone);
        assertThat(entry.getString("reason")).isEqualTo("AFTER_HOURS");
        assertThat(entry.getString("queue")).isEqualTo("hotline");
        assertThat(agi("after-hours", phone, callId).variables()).as("the same call counts once")
                .containsEntry("HOTLINE_CALLBACK_NOTED", "0");
        assertThat(MissedCallPeers.entry(phone).getInt("missedCount")).isEqualTo(1);
        assertThat(agi("after-hours", "1001", "1795100001." + System.nanoTime() % 100_000).variables())
                .as("an extension cannot be called back").containsEntry("HOTLINE_CALLBACK_NOTED", "0");
    }

    @Test
    void theWallboardShowsTheListAndTodaysCallbacksAndOnlyTheHotlineTakesThem() {
        String phone = phone();
        abandon(asterisk, phone, 12);
        awaitEntry(phone);
        JsonPath board = as("supervisor").get("/api/telephony/wallboard").then().statusCode(200).extract()
                .jsonPath();
        assertThat(board.getLong("callbacks.waiting")).isPositive();
        assertThat(board.getLong("callbacks.targetMinutes")).isEqualTo(30);
        assertThat(board.getLong("callbacks.today.missed")).isPositive();
        assertThat(board.getString("callbacks.oldestWaitingSince")).isNotNull();
        as("housing").get("/api/telephony/missed-calls").then().statusCode(403);
        as("admin").post("/api/telephony/missed-calls/next").then().statusCode(403);
        as("agent").post("/api/telephony/missed-calls/next").then().statusCode(409)
                .body("detail", equalTo("请先在话机签入，再回拨漏接来电"));
    }

    private static void signIn(String username, String extension) {
        as(username).body(Map.of("extension", extension)).post("/api/telephony/agents/me/login").then()
                .statusCode(200);
    }

    private Packet lastOriginate() {
        List<Packet> sent = asterisk.actions("Originate");
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private static AgiCall.Transcript agi(String script, String phone, String callId) throws Exception {
        return new AgiCall(TelephonyTestPeers.agiPort(), script).channel("PJSIP/carrier-agi", callId).callerId(phone)
                .run(WAIT);
    }
}
