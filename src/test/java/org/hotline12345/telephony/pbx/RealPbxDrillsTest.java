package org.hotline12345.telephony.pbx;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.websocket.Session;

import org.awaitility.core.ConditionTimeoutException;
import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Sockets;
import org.hotline12345.telephony.callback.MissedCallPeers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The issue's drills on the real Asterisk 22 with the shipped configuration, SIPp phones, callers and carrier: the IVR
 * asks the service over FastAGI; key 1 and key 2 during the greeting, abandon, ringing, transfer to 110, callbacks
 * answered and busy, consultation,
 * listening, pause with a reason and Asterisk's restart, and a call with no key that is queued, popped, answered,
 * recorded and surveyed. (The service down: RealPbxOutageIT; two servers: RealPbxTwoServersTest.)
 */
@QuarkusTest
@TestProfile(RealAsteriskProfile.class)
@EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")
class RealPbxDrillsTest extends DatabaseTest {

    @TestHTTPResource("/ws/telephony")
    URI agentSocket;

    private final ObjectMapper json = new ObjectMapper();
    private final List<Sipp> parties = new ArrayList<>();
    private final List<String> signedIn = new ArrayList<>();

    @AfterEach
    void hangUpEveryone() {
        signedIn.forEach(user -> as(user).post("/api/telephony/agents/me/logout"));
        parties.forEach(Sipp::close);
    }

    @Test
    void aCallWithNoKeyQueuesPopsIsAnsweredRecordedAndSurveyed() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1001", Duration.ofMillis(500), Duration.ofSeconds(2));
        signIn("agent", "1001");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Sipp call = call(pbx, Sipp.Call.from("13900000001").survey("5", Duration.ofSeconds(6)));
            JsonNode pop = message(pushed, "screen-pop");
            assertThat(pop.get("callerNumber").asText()).isEqualTo("13900000001");
            assertThat(pop.get("queue").asText()).isEqualTo("hotline");
            String callId = pop.get("callId").asText();

            assertThat(call.awaitExit(Duration.ofSeconds(40))).as(call.errors()).isZero();
            JsonPath record = record(callId,
                    r -> r.getString("surveyResult") != null && r.getString("endedAt") != null);
            assertThat(record.getString("queue")).isEqualTo("hotline");
            assertThat(record.getString("ivrChoice")).isEqualTo("NONE");
            assertThat(record.getString("agentUsername")).isEqualTo("agent");
            assertThat(record.getString("endedBy")).isEqualTo("agent");
            assertThat(record.getInt("talkSeconds")).isBetween(1, 4);
            assertThat(record.getBoolean("abandoned")).isFalse();
            assertThat(record.getBoolean("recorded")).isTrue();
            // 一次一评: key 5 is 非常满意, which counts as satisfied
            assertThat(record.getString("serviceRating")).isEqualTo("VERY_SATISFIED");
            assertThat(record.getString("surveyResult")).isEqualTo("SATISFIED");
            byte[] recording = as("supervisor").accept("audio/wav, application/problem+json")
                    .get("/api/telephony/calls/" + callId + "/recording").then().statusCode(200).extract()
                    .asByteArray();
            assertThat(recording.length).as("a recording with audio, not a bare WAV header").isGreaterThan(1000);

            // the other four keys of the five-level survey, each pressed by a caller after the talk
            Map<String, String> ratings = new LinkedHashMap<>();
            for (String key : List.of("1", "2", "3", "4")) {
                Sipp next = call(pbx, Sipp.Call.from(number()).survey(key, Duration.ofSeconds(6)));
                String nextId = message(pushed, "screen-pop").get("callId").asText();
                assertThat(next.awaitExit(Duration.ofSeconds(40))).as(next.errors()).isZero();
                JsonPath rated = record(nextId, r -> r.getString("serviceRating") != null);
                ratings.put(key, rated.getString("serviceRating") + "/" + rated.getString("surveyResult"));
            }
            assertThat(ratings).containsExactly(entry("1", "VERY_DISSATISFIED/DISSATISFIED"),
                    entry("2", "DISSATISFIED/DISSATISFIED"), entry("3", "BASICALLY_SATISFIED/BASICALLY_SATISFIED"),
                    entry("4", "SATISFIED/SATISFIED"));
        }
    }

    @Test
    void keyOneDuringTheGreetingReachesTheEnterpriseDesk() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1002", Duration.ofMillis(300), Duration.ofSeconds(1));
        signIn("desk", "1002");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "desk", pushed)) {
            Sipp call = call(pbx,
                    Sipp.Call.from(number()).keys("1", Duration.ofMillis(500)).stay(Duration.ofSeconds(8)));
            JsonNode pop = message(pushed, "screen-pop");
            assertThat(pop.get("queue").asText()).isEqualTo("business-desk");
            assertThat(pop.get("ivrChoice").asText()).isEqualTo("ENTERPRISE");
            assertThat(pop.get("enterprise").asBoolean()).isTrue();
            call.awaitExit(Duration.ofSeconds(20));
            JsonPath record = record(pop.get("callId").asText(), r -> r.getString("endedAt") != null);
            assertThat(record.getString("ivrChoice")).isEqualTo("ENTERPRISE");
            assertThat(record.getString("agentUsername")).isEqualTo("desk");
        }
    }

    @Test
    void keyTwoReadsAWorkOrderBackThenTheCallerIsQueued() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        String caller = number();
        String workOrder = registerFor(caller);
        phone(pbx, "1003", Duration.ofMillis(300), Duration.ofSeconds(1));
        signIn("agent", "1003");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            // key 2 and the number in one go, as a caller who knows the menu does: SIPp starts each play_dtmf's RTP
            // timestamps afresh, so a second one beginning with 2 right after the key 2 reads to Asterisk as that same
            // key still held (the number lost its first digit)
            call(pbx, Sipp.Call.from(caller).keys("2" + workOrder.replace("-", "") + "#", Duration.ofMillis(500))
                    .stay(Duration.ofSeconds(20)));
            JsonNode pop = message(pushed, "screen-pop");
            assertThat(pop.get("ivrChoice").asText()).isEqualTo("PROGRESS");
            assertThat(Files.readString(pbx.messagesLog())).as("the status read back from the service's prompts")
                    .contains("hotline/order-status-is");
        }
    }

    @Test
    void aRingingAgentIsRingingAndACallerWhoGivesUpIsAbandonedWithoutARecording() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1004", Duration.ofMinutes(1), null);
        signIn("agent", "1004");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Sipp call = call(pbx, Sipp.Call.from(number()).stay(Duration.ofSeconds(9)));
            String callId = message(pushed, "screen-pop").get("callId").asText();
            await("ringing").atMost(ofSeconds(20)).until(() -> "RINGING".equals(state("agent")));
            Thread.sleep(1500);
            assertThat(state("agent")).as("device_state_busy_at = 1 reports BUSY: still ringing").isEqualTo("RINGING");
            call.awaitExit(Duration.ofSeconds(20));
            JsonPath record = record(callId, r -> r.getBoolean("abandoned"));
            assertThat(record.getBoolean("recorded")).isFalse();
            as("supervisor").accept("audio/wav, application/problem+json")
                    .get("/api/telephony/calls/" + callId + "/recording").then().statusCode(404);
        }
    }

    @Test
    void aCallerWhoGaveUpIsOnTheMissedCallListAndIsCalledBackFromIt() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1008", Duration.ofMinutes(1), null);
        phone(pbx, "1009", Duration.ofMillis(300), Duration.ofSeconds(2));
        // what earlier drills left on the list is called and closed first, so that the next one taken is this one's
        signIn("agent", "1009");
        MissedCallPeers.drain("agent");
        as("agent").post("/api/telephony/agents/me/logout").then().statusCode(200);
        signIn("agent", "1008");
        String caller = number();
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Sipp call = call(pbx, Sipp.Call.from(caller).stay(Duration.ofSeconds(6)));
            String callId = message(pushed, "screen-pop").get("callId").asText();
            call.awaitExit(Duration.ofSeconds(20));
            JsonPath missed = MissedCallPeers.awaitEntry(caller);
            assertThat(missed.getString("reason")).isEqualTo("ABANDONED");
            assertThat(missed.getString("status")).isEqualTo("WAITING");
            assertThat(missed.getList("history.calls.callId")).contains(callId);

            // the agent moves to the phone that answers and takes the list's next entry: Asterisk rings the agent,
            // then the citizen through the carrier
            as("agent").post("/api/telephony/agents/me/logout").then().statusCode(200);
            signIn("agent", "1009");
            JsonPath taken = as("agent").post("/api/telephony/missed-calls/next").then().statusCode(202).extract()
                    .jsonPath();
            assertThat(taken.getLong("missedCall.id")).isEqualTo(missed.getLong("id"));
            String back = taken.getString("callId");
            JsonNode outcome = message(pushed, "callback", m -> back.equals(m.path("callId").asText()));
            assertThat(outcome.get("connected").asBoolean()).isTrue();
            assertThat(record(back, r -> r.getString("endedAt") != null).getString("dialStatus"))
                    .isEqualTo("ANSWER");
            assertThat(pbx.carrier().messages()).contains(caller);
            as("agent").body(Map.of("outcome", "REACHED"))
                    .post("/api/telephony/missed-calls/" + missed.getLong("id") + "/outcome").then().statusCode(200)
                    .body("status", equalTo("REACHED"));
            assertThat(MissedCallPeers.entry(caller)).as("reached: off the open list").isNull();
        }
    }

    @Test
    void aTransferTo110EndsTheTalkThereAndTheCarrierNeverSeesTheAgent() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1005", Duration.ofMillis(300), null);
        signIn("agent", "1005");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Sipp call = call(pbx, Sipp.Call.from(number()).stay(Duration.ofSeconds(14)));
            String callId = message(pushed, "screen-pop").get("callId").asText();
            await("on the call").atMost(ofSeconds(20)).until(() -> "ON_CALL".equals(state("agent")));
            Thread.sleep(2000);
            as("agent").body(Map.of("target", "110")).post("/api/telephony/calls/" + callId + "/transfer").then()
                    .statusCode(202);
            await("110 rung through the trunk").atMost(ofSeconds(20))
                    .until(() -> pbx.carrier().messages().contains("INVITE sip:110@"));
            call.awaitExit(Duration.ofSeconds(30));
            JsonPath record = record(callId, r -> r.getString("endedAt") != null);
            assertThat(record.getString("transferredTo")).isEqualTo("110");
            assertThat(record.getString("endedBy")).isEqualTo("transfer");
            assertThat(record.getInt("talkSeconds")).as("the talk with the agent only").isBetween(1, 5);
            assertThat(pbx.carrier().messages()).doesNotContain("座席").doesNotContain("sip:1005@");
            assertThat(call.messages()).as("the caller's leg: no connected-line update naming the agent")
                    .doesNotContain("座席").doesNotContain("sip:1005@");
        }
    }

    @Test
    void callbacksAreConnectedWhenTheCitizenAnswersAndRecordedThenButNotWhenBusy() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1006", Duration.ofMillis(300), Duration.ofSeconds(3));
        signIn("agent", "1006");
        String answering = registerFor("1390000" + ThreadLocalRandom.current().nextInt(1000, 9999));
        String busy = registerFor("1390000" + ThreadLocalRandom.current().nextInt(1, 9) + RealAsterisk.BUSY_SUFFIX);
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            String connected = as("agent").post("/api/telephony/work-orders/" + answering + "/callback-call").then()
                    .statusCode(202).extract().path("callId");
            // this call's outcome: an earlier drill's callback may still be reporting to the same agent
            JsonNode outcome = message(pushed, "callback", m -> connected.equals(m.path("callId").asText()));
            assertThat(outcome.get("connected").asBoolean()).as(outcome.toString()).isTrue();
            JsonPath record = record(connected, r -> r.getString("endedAt") != null);
            assertThat(record.getString("dialStatus")).isEqualTo("ANSWER");
            assertThat(record.getBoolean("recorded")).isTrue();
            assertThat(as("supervisor").accept("audio/wav, application/problem+json")
                    .get("/api/telephony/calls/" + connected + "/recording").then().statusCode(200)
                    .extract().asByteArray().length).isGreaterThan(1000);
            assertThat(pbx.carrier().messages()).contains("From: \"12345\"").doesNotContain("座席");

            String notConnected = as("agent").post("/api/telephony/work-orders/" + busy + "/callback-call").then()
                    .statusCode(202).extract().path("callId");
            JsonNode busyOutcome = message(pushed, "callback", m -> notConnected.equals(m.path("callId").asText()));
            assertThat(busyOutcome.get("connected").asBoolean()).isFalse();
            assertThat(busyOutcome.get("reason").asText()).isEqualTo("对方忙");
            JsonPath busyRecord = record(notConnected, r -> r.getString("endedAt") != null);
            assertThat(busyRecord.getString("dialStatus")).isEqualTo("BUSY");
            assertThat(busyRecord.getBoolean("recorded")).isFalse();
        }
    }

    @Test
    void anExpertIsBroughtIntoAConsultationAndASupervisorListensIn() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1007", Duration.ofMillis(300), null);
        Sipp supervisorPhone = phone(pbx, "2001", Duration.ofMillis(300), Duration.ofSeconds(3));
        signIn("agent", "1007");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Sipp call = call(pbx, Sipp.Call.from(number()).stay(Duration.ofSeconds(16)));
            String callId = message(pushed, "screen-pop").get("callId").asText();
            await("on the call").atMost(ofSeconds(20)).until(() -> "ON_CALL".equals(state("agent")));

            as("supervisor").body(Map.of("extension", "2001")).post("/api/telephony/calls/" + callId + "/listen")
                    .then().statusCode(202);
            await("the supervisor's phone rung with ChanSpy").atMost(ofSeconds(20))
                    .until(() -> supervisorPhone.messages().contains("INVITE sip:"));

            as("agent").body(Map.of("number", "88001234")).post("/api/telephony/calls/" + callId + "/consult").then()
                    .statusCode(202);
            await("the expert called through the trunk").atMost(ofSeconds(20))
                    .until(() -> pbx.carrier().messages().contains("INVITE sip:88001234@"));
            assertThat(pbx.cli("confbridge list")).contains(callId.replaceAll("\\D", ""));
            call.awaitExit(Duration.ofSeconds(30));
            as("supervisor").get("/api/telephony/calls/" + callId).then().statusCode(200)
                    .body("consultedNumber", equalTo("88001234"));
        }
    }

    @Test
    void callersWaitingInTheQueueHearTheHotlinesHoldMusic() {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        // what queues.conf (musicclass = default) and the consultation room play, installed as telephony/README.md says
        assertThat(pbx.cli("moh show files")).contains("Class: default").contains("hotline-hold");
        assertThat(pbx.cli("moh show classes")).contains("Class: default").contains("Mode: files");
    }

    @Test
    void aPauseReasonReachesTheServiceAndSurvivesAsterisksRestart() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone(pbx, "1008", Duration.ofMillis(300), Duration.ofSeconds(1));
        signIn("agent", "1008");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            as("agent").body(Map.of("reason", "培训")).post("/api/telephony/agents/me/pause").then().statusCode(200);
            JsonPath paused = await("paused with the reason").atMost(ofSeconds(20)).until(() -> me("agent"),
                    agent -> "PAUSED".equals(agent.getString("state")) && "培训".equals(agent.getString("pauseReason")));
            assertThat(paused.getString("pauseReason")).isEqualTo("培训");
            assertThat(pbx.cli("queue show hotline")).contains("PJSIP/1008").contains("培训");

            int reconnects = as("supervisor").get("/api/telephony/status").then().extract().path("reconnects");
            pbx.restartNow();
            await("reconnected after the restart").atMost(ofSeconds(20)).until(() -> {
                JsonPath status = as("supervisor").get("/api/telephony/status").then().extract().jsonPath();
                return status.getInt("reconnects") > reconnects && status.getBoolean("connected");
            });
            Thread.sleep(3000);
            JsonPath after = me("agent");
            assertThat(after.getString("state")).isEqualTo("PAUSED");
            assertThat(after.getString("pauseReason")).isEqualTo("培训");
            assertThat(pushed.stream().map(this::stateIn)).as("never signed out while Asterisk kept the member")
                    .doesNotContain("LOGGED_OUT");
        }
    }

    private Sipp phone(RealAsterisk pbx, String extension, Duration ring, Duration talk) {
        Sipp phone = Sipp.phone(pbx, extension, ring, talk);
        parties.add(phone);
        await("phone " + extension + " registered").atMost(ofSeconds(20))
                .until(() -> pbx.cli("pjsip show contacts").contains(extension + "/"));
        return phone;
    }

    private Sipp call(RealAsterisk pbx, Sipp.Call call) {
        Sipp caller = Sipp.call(pbx, call);
        parties.add(caller);
        return caller;
    }

    private void signIn(String username, String extension) {
        as(username).body(Map.of("extension", extension)).post("/api/telephony/agents/me/login").then()
                .statusCode(200);
        signedIn.add(username);
        await(username + " ready").atMost(ofSeconds(20)).until(() -> "READY".equals(state(username)));
    }

    private static JsonPath me(String username) {
        return as(username).get("/api/telephony/agents/me").then().statusCode(200).extract().jsonPath();
    }

    private static String state(String username) {
        return me(username).getString("state");
    }

    private static JsonPath record(String callId, java.util.function.Predicate<JsonPath> complete) {
        StringBuilder last = new StringBuilder();
        try {
            return await("the record of " + callId).atMost(ofSeconds(20)).until(() -> {
                var response = as("supervisor").get("/api/telephony/calls/" + callId);
                last.setLength(0);
                last.append(response.asString());
                return response.statusCode() == 200 ? response.jsonPath() : null;
            }, record -> record != null && complete.test(record));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + ": " + last, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String registerFor(String phone) {
        Map<String, Object> body = Api.registration();
        ((Map<String, Object>) body.get("citizen")).put("phone", phone);
        body.put("dispatch", Api.dispatchTo("HOUSING"));
        return Api.register(body);
    }

    private static String number() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private String stateIn(String message) {
        try {
            JsonNode node = json.readTree(message);
            return "agent-state".equals(node.path("type").asText()) ? node.path("state").asText() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private JsonNode message(BlockingQueue<String> pushed, String type) throws Exception {
        return message(pushed, type, message -> true);
    }

    private JsonNode message(BlockingQueue<String> pushed, String type, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String text = pushed.poll(200, TimeUnit.MILLISECONDS);
            if (text != null) {
                JsonNode message = json.readTree(text);
                if (type.equals(message.get("type").asText()) && wanted.test(message)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no " + type + " message within 30 s");
    }
}
