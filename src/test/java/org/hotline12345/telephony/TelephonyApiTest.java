package org.hotline12345.telephony;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotline12345.support.Api.as;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Sockets;
import org.hotline12345.telephony.peer.AgiCall;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.hotline12345.telephony.peer.FakeAsterisk.Packet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The service against a peer speaking AMI over TCP and a client playing Asterisk on FastAGI: agents at their phones,
 * a call from the IVR to the screen pop to a complete record, callbacks, transfers, the wallboard, reconnects.
 */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class TelephonyApiTest extends DatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger CALLS = new AtomicInteger();

    @TestHTTPResource("/ws/telephony")
    URI agentSocket;

    @TestHTTPResource("/ws/wallboard")
    URI wallboardSocket;

    @Inject
    CallStore store;

    @Inject
    ObjectMapper json;

    private FakeAsterisk asterisk;

    @BeforeEach
    void asteriskActsOnQueueActionsAsAsteriskDoes() {
        asterisk = TelephonyTestPeers.actingOnQueueActions();
    }

    @Test
    void anAgentSignsInPausesWithAReasonAndSignsOutThroughTheQueues() {
        signIn("agent", "1101");
        Packet add = last("QueueAdd");
        assertThat(add.get("Queue")).isEqualTo("hotline");
        assertThat(add.get("Interface")).isEqualTo("PJSIP/1101");
        assertThat(add.get("MemberName")).isEqualTo("agent");
        awaitState("agent", "READY");

        as("agent").body(Map.of("reason", "小休")).post("/api/telephony/agents/me/pause").then().statusCode(200);
        Packet pause = last("QueuePause");
        assertThat(pause.get("Interface")).isEqualTo("PJSIP/1101");
        assertThat(pause.get("Paused")).isEqualTo("true");
        assertThat(pause.get("Reason")).isEqualTo("小休");
        JsonPath paused = awaitState("agent", "PAUSED");
        assertThat(paused.getString("pauseReason")).isEqualTo("小休");
        as("supervisor").get("/api/telephony/agents").then().statusCode(200)
                .body("find { it.username == 'agent' }.extension", equalTo("1101"))
                .body("find { it.username == 'agent' }.state", equalTo("PAUSED"));

        as("agent").post("/api/telephony/agents/me/ready").then().statusCode(200);
        assertThat(last("QueuePause").get("Paused")).isEqualTo("false");
        awaitState("agent", "READY");

        as("agent").post("/api/telephony/agents/me/logout").then().statusCode(200);
        Packet remove = last("QueueRemove");
        assertThat(remove.get("Interface")).isEqualTo("PJSIP/1101");
        assertThat(remove.get("Queue")).isEqualTo("hotline");
        assertThat(awaitState("agent", "LOGGED_OUT").getString("extension")).isNull();
        as("agent").post("/api/telephony/agents/me/logout").then().statusCode(409)
                .body("detail", containsString("not signed in"));
    }

    @Test
    void aTakenExtensionWrongInputAndOtherRolesAreRefusedClearly() {
        signIn("desk", "1102");
        try {
            as("agent").body(Map.of("extension", "1102")).post("/api/telephony/agents/me/login").then()
                    .statusCode(409).body("detail", containsString("in use by desk"));
            as("agent").body(Map.of("extension", "11a")).post("/api/telephony/agents/me/login").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("extension"));
            as("agent").body(Map.of("extension", "1103", "queues", List.of("general"))).post(
                    "/api/telephony/agents/me/login").then().statusCode(422)
                    .body("violations[0].field", equalTo("queues[0]"));
            as("agent").body(Map.of("reason", "小休")).post("/api/telephony/agents/me/pause").then().statusCode(409);
            as("housing").body(Map.of("extension", "1104")).post("/api/telephony/agents/me/login").then()
                    .statusCode(403);
            as("agent").get("/api/telephony/agents").then().statusCode(403);
        } finally {
            signOut("desk");
        }
    }

    @Test
    void anActionAsteriskRefusesIsAConflictNamingItsReasonAndLeavesNoSession() {
        asterisk.reset();
        asterisk.answer("QueueAdd", action -> FakeAsterisk.error("Unable to add interface: No such queue"));
        as("agent").body(Map.of("extension", "1105")).post("/api/telephony/agents/me/login").then().statusCode(409)
                .body("detail", containsString("No such queue"));
        me("agent").then().body("extension", equalTo(null)).body("state", equalTo("LOGGED_OUT"));
    }

    @Test
    void aQueueCallRingsTheAgentWithAScreenPopAndEndsAsACompleteRecordLinkedToItsWorkOrder() throws Exception {
        String phone = phone();
        String earlier = registerFor(phone);
        as("agent").body(Map.of("extension", "1106", "queues", List.of("hotline", "business-desk")))
                .post("/api/telephony/agents/me/login").then().statusCode(200);
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Channel caller = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone);
            Map<String, String> lookup = agi("caller-lookup", caller).variables();
            assertThat(lookup).containsEntry("HOTLINE_BLOCKED", "0").containsEntry("HOTLINE_REPEAT", "0")
                    .containsEntry("HOTLINE_ENTERPRISE", "0").containsEntry("HOTLINE_OPEN_ORDERS", "1");
            assertThat(agi("menu?choice=1", caller).variables()).containsEntry("HOTLINE_QUEUE", "business-desk");

            Channel agentLeg = Channel.agent("PJSIP/1106-" + CALLS.incrementAndGet(), callId(), caller);
            Member member = new Member("business-desk", "PJSIP/1106", "agent");
            asterisk.event(AmiEvents.newchannel(caller));
            asterisk.event(AmiEvents.queueCallerJoin(caller, "business-desk", 1, 1));
            asterisk.event(AmiEvents.newchannel(agentLeg.withState(0)));
            asterisk.event(AmiEvents.agentCalled(caller, agentLeg, member));
            // pjsip.conf's device_state_busy_at = 1: Asterisk 22 reports the ringing phone BUSY
            asterisk.event(AmiEvents.queueMemberStatus(member, AmiEvents.BUSY, false, false));

            JsonNode pop = message(pushed, "screen-pop");
            assertThat(pop.get("callId").asText()).isEqualTo(caller.uniqueId());
            assertThat(pop.get("callerNumber").asText()).isEqualTo(phone);
            assertThat(pop.get("queue").asText()).isEqualTo("business-desk");
            assertThat(pop.get("ivrChoice").asText()).isEqualTo("ENTERPRISE");
            assertThat(pop.get("enterprise").asBoolean()).isTrue();
            assertThat(pop.get("repeatCall").asBoolean()).isFalse();
            assertThat(pop.get("openWorkOrders").findValuesAsText("number")).containsExactly(earlier);
            assertThat(pop.get("articles").isArray()).isTrue();
            // the pop put the caller's work order in front of the agent: the access record keeps it
            List<String> shown = await("the screen pop in the access record").atMost(ofSeconds(20)).until(
                    () -> as("supervisor").queryParam("workOrder", earlier).get("/api/access-record/reads").then()
                            .statusCode(200).extract().jsonPath().getList("items.endpoint", String.class),
                    endpoints -> endpoints.contains("call " + caller.uniqueId()));
            assertThat(shown).contains("call " + caller.uniqueId());
            awaitState("agent", "RINGING");
            Thread.sleep(300);
            assertThat(me("agent").then().extract().jsonPath().getString("state")).as("still ringing, not on a call")
                    .isEqualTo("RINGING");
            assertThat(pushed.stream().map(this::state)).doesNotContain("ON_CALL");

            Channel answered = agentLeg.withState(6);
            asterisk.event(AmiEvents.queueCallerLeave(caller, "business-desk", 1, 0));
            asterisk.event(AmiEvents.agentConnect(caller, answered, member, 8, 2));
            asterisk.event(AmiEvents.hotlineRecording(caller, "2026/11/24/" + caller.uniqueId() + ".wav"));
            assertThat(awaitState("agent", "ON_CALL").getString("callId")).isEqualTo(caller.uniqueId());

            Map<String, Object> body = Api.registration();
            ((Map<String, Object>) body.get("citizen")).put("phone", phone);
            body.put("callId", caller.uniqueId());
            body.put("dispatch", Api.dispatchTo("SAMR"));
            String number = Api.register(body);
            // the enterprise line makes it an enterprise request, on the desk's ledger
            as("desk").get("/api/desk/ledger/by-work-order/" + number).then().statusCode(200);

            asterisk.event(AmiEvents.agentComplete(caller, answered, member, 8, 120, "agent"));
            asterisk.event(AmiEvents.hangup(answered, 16, "Normal Clearing"));
            awaitState("agent", "WRAP_UP");
            assertThat(agi("survey?result=3", caller).variables()).containsEntry("HOTLINE_SURVEY_OK", "1");
            asterisk.event(AmiEvents.hangup(caller, 16, "Normal Clearing"));
            flush();

            JsonPath call = as("supervisor").get("/api/telephony/calls/" + caller.uniqueId()).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(call.getString("direction")).isEqualTo("INBOUND");
            assertThat(call.getString("callerNumber")).isEqualTo(phone);
            assertThat(call.getString("ivrChoice")).isEqualTo("ENTERPRISE");
            assertThat(call.getString("queue")).isEqualTo("business-desk");
            assertThat(call.getInt("waitSeconds")).isEqualTo(8);
            assertThat(call.getInt("talkSeconds")).isEqualTo(120);
            assertThat(call.getString("agentUsername")).isEqualTo("agent");
            assertThat(call.getString("endedBy")).isEqualTo("agent");
            assertThat(call.getBoolean("abandoned")).isFalse();
            assertThat(call.getBoolean("recorded")).isTrue();
            assertThat(call.getString("serviceRating")).isEqualTo("BASICALLY_SATISFIED");
            assertThat(call.getString("surveyResult")).isEqualTo("BASICALLY_SATISFIED");
            assertThat(call.getString("queuedAt")).isNotNull();
            assertThat(call.getString("answeredAt")).isNotNull();
            assertThat(call.getString("endedAt")).isNotNull();
            assertThat(call.getList("workOrders", String.class)).containsExactly(number);
            as("agent").get("/api/telephony/work-orders/" + number + "/calls").then().statusCode(200)
                    .body("callId", equalTo(List.of(caller.uniqueId())))
                    .body("surveyResult", equalTo(List.of("BASICALLY_SATISFIED")));
            as("agent").queryParam("number", phone).get("/api/telephony/calls").then().statusCode(200)
                    .body("items.callId", hasItem(caller.uniqueId()));

            Channel again = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone);
            assertThat(agi("caller-lookup", again).variables()).as("the same number again within the window")
                    .containsEntry("HOTLINE_REPEAT", "1").containsEntry("HOTLINE_OPEN_ORDERS", "2");
        } finally {
            signOut("agent");
        }
    }

    @Test
    void aCallbackRingsTheAgentThenTheCitizenAndItsOutcomeArrivesLive() throws Exception {
        String phone = phone();
        String number = registerFor(phone);
        signIn("agent", "1107");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            JsonPath placed = as("agent").post("/api/telephony/work-orders/" + number + "/callback-call").then()
                    .statusCode(202).extract().jsonPath();
            assertThat(placed.getString("extension")).isEqualTo("1107");
            Packet originate = last("Originate");
            assertThat(originate.get("Channel")).isEqualTo("PJSIP/1107");
            assertThat(originate.get("Context")).isEqualTo("hotline-outbound");
            assertThat(originate.get("Exten")).isEqualTo(phone);
            assertThat(originate.get("ChannelId")).isEqualTo(placed.getString("callId"));
            assertThat(originate.getAll("Variable")).contains("HOTLINE_WORK_ORDER=" + number);

            JsonNode connected = message(pushed, "callback");
            assertThat(connected.get("connected").asBoolean()).isTrue();
            assertThat(connected.get("workOrderNumber").asText()).isEqualTo(number);

            asterisk.answer("Originate", action -> Packet.of("Response", "Success", "Message",
                    "Originate successfully queued"));
            asterisk.afterAction("Originate", action -> asterisk.event(AmiEvents.originateResponse(action,
                    "Failure", 5, "")));
            as("agent").post("/api/telephony/work-orders/" + number + "/callback-call").then().statusCode(202);
            JsonNode busy = message(pushed, "callback");
            assertThat(busy.get("connected").asBoolean()).isFalse();
            assertThat(busy.get("reason").asText()).as("the agent's own phone was busy").isEqualTo("坐席话机忙");

            flush();
            List<Map<String, Object>> calls = as("agent").get("/api/telephony/work-orders/" + number + "/calls")
                    .then().statusCode(200).extract().path("");
            assertThat(calls).hasSize(2).allSatisfy(call -> {
                assertThat(call.get("direction")).isEqualTo("OUTBOUND");
                assertThat(call.get("calledNumber")).isEqualTo(phone);
                assertThat(call.get("agentUsername")).isEqualTo("agent");
            });
            assertThat(calls).filteredOn(call -> call.get("answeredAt") == null).singleElement()
                    .satisfies(failed -> assertThat(failed.get("endedAt")).isNotNull());
        } finally {
            signOut("agent");
        }
        as("agent").post("/api/telephony/work-orders/" + number + "/callback-call").then().statusCode(409)
                .body("detail", containsString("尚未在话机签入"));
        as("housing").post("/api/telephony/work-orders/" + number + "/callback-call").then().statusCode(403);
    }

    @Test
    void aCallbackToACitizensBusyLineIsNotConnectedThoughTheAgentAnswered() throws Exception {
        String phone = "1390000" + String.format("%01d", ThreadLocalRandom.current().nextInt(10)) + "486";
        String number = registerFor(phone);
        signIn("agent", "1110");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            String callId = as("agent").post("/api/telephony/work-orders/" + number + "/callback-call").then()
                    .statusCode(202).extract().path("callId");
            // Asterisk 22: the agent's leg answers (OriginateResponse Success), Dial() to the citizen ends BUSY
            JsonNode outcome = message(pushed, "callback");
            assertThat(outcome.get("connected").asBoolean()).isFalse();
            assertThat(outcome.get("reason").asText()).isEqualTo("对方忙");
            flush();
            as("supervisor").get("/api/telephony/calls/" + callId).then().statusCode(200)
                    .body("dialStatus", equalTo("BUSY")).body("answeredAt", equalTo(null))
                    .body("recorded", equalTo(false)).body("endedAt", org.hamcrest.Matchers.notNullValue());
        } finally {
            signOut("agent");
        }
    }

    @Test
    void anAgentTransfersTheCallerTo110ConsultsAnExpertAndTheSupervisorListensIn() throws Exception {
        signIn("agent", "1108");
        try {
            Channel caller = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
            Channel agentLeg = Channel.agent("PJSIP/1108-" + CALLS.incrementAndGet(), callId(), caller)
                    .withState(6);
            Member member = new Member("hotline", "PJSIP/1108", "agent");
            asterisk.event(AmiEvents.queueCallerJoin(caller, "hotline", 1, 1));
            asterisk.event(AmiEvents.agentConnect(caller, agentLeg, member, 3, 1));
            awaitState("agent", "ON_CALL");
            String call = "/api/telephony/calls/" + caller.uniqueId();

            as("agent").body(Map.of("number", "88001234")).post(call + "/consult").then().statusCode(202);
            Packet both = last("Redirect");
            assertThat(both.get("Channel")).isEqualTo(caller.name());
            assertThat(both.get("ExtraChannel")).isEqualTo(agentLeg.name());
            assertThat(both.get("Context")).isEqualTo("hotline-consult");
            Packet expert = last("Originate");
            assertThat(expert.get("Channel")).isEqualTo("Local/88001234@hotline-outbound");
            assertThat(expert.get("Context")).isEqualTo("hotline-consult");
            assertThat(expert.get("Exten")).isEqualTo(both.get("Exten"));

            as("supervisor").body(Map.of("extension", "2001")).post(call + "/listen").then().statusCode(202);
            Packet spy = last("Originate");
            assertThat(spy.get("Channel")).isEqualTo("PJSIP/2001");
            assertThat(spy.get("Application")).isEqualTo("ChanSpy");
            assertThat(spy.get("Data")).isEqualTo(agentLeg.name() + ",qE");
            as("agent").body(Map.of("extension", "1108")).post(call + "/listen").then().statusCode(403);

            as("agent").body(Map.of("target", "911")).post(call + "/transfer").then().statusCode(422)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("target"));
            as("desk").body(Map.of("target", "110")).post(call + "/transfer").then().statusCode(403);
            as("agent").body(Map.of("target", "110")).post("/api/telephony/calls/no-such-call/transfer").then()
                    .statusCode(404);
            as("agent").body(Map.of("target", "110")).post(call + "/transfer").then().statusCode(202);
            Packet redirect = last("Redirect");
            assertThat(redirect.get("Channel")).isEqualTo(caller.name());
            assertThat(redirect.get("Context")).isEqualTo("hotline-emergency");
            assertThat(redirect.get("Exten")).isEqualTo("110");
            assertThat(redirect.get("ExtraChannel")).isNull();

            // Asterisk 22 reports the caller's whole time, 110 included, as talk ended by the caller
            asterisk.event(AmiEvents.agentComplete(caller, agentLeg, member, 3, 40, "caller"));
            asterisk.event(AmiEvents.hangup(caller, 16, "Normal Clearing"));
            flush();
            JsonPath transferred = as("supervisor").get(call).then().statusCode(200)
                    .body("transferredTo", equalTo("110")).body("transferredBy", equalTo("agent"))
                    .body("consultedNumber", equalTo("88001234")).body("endedBy", equalTo("transfer")).extract()
                    .jsonPath();
            assertThat(transferred.getInt("talkSeconds")).as("the talk with the agent, until the transfer")
                    .isLessThan(40);
        } finally {
            signOut("agent");
        }
    }

    @Test
    void aRecordingBelongsToACallOnlyOnceAnAgentAnsweredIt() throws Exception {
        Member member = new Member("hotline", "PJSIP/1112", "agent");
        // Asterisk 22 with the shipped dialplan: MixMonitor and the HotlineRecording event come before Queue()
        Channel gaveUp = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        String lost = recordingFile(gaveUp, 44);
        asterisk.event(AmiEvents.hotlineRecording(gaveUp, lost));
        AmiEvents.abandonedCall(gaveUp, Channel.agent("PJSIP/1112-" + CALLS.incrementAndGet(), callId(), gaveUp),
                member, 9).forEach(asterisk::event);
        Channel taken = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        asterisk.event(AmiEvents.hotlineRecording(taken, recordingFile(taken, 16_044)));
        AmiEvents.answeredCall(taken, Channel.agent("PJSIP/1112-" + CALLS.incrementAndGet(), callId(), taken),
                member, 4, 20).forEach(asterisk::event);
        flush();

        as("supervisor").get("/api/telephony/calls/" + gaveUp.uniqueId()).then().statusCode(200)
                .body("abandoned", equalTo(true)).body("recorded", equalTo(false));
        as("supervisor").accept("audio/wav, application/problem+json")
                .get("/api/telephony/calls/" + gaveUp.uniqueId() + "/recording").then().statusCode(404);
        as("supervisor").get("/api/telephony/calls/" + taken.uniqueId()).then().statusCode(200)
                .body("recorded", equalTo(true));
        assertThat(as("supervisor").accept("audio/wav, application/problem+json")
                .get("/api/telephony/calls/" + taken.uniqueId() + "/recording").then()
                .statusCode(200).extract().asByteArray()).hasSize(16_044);
    }

    @Test
    void afterARestartTheServiceWaitsForAsteriskToBeFullyBootedAndAdoptsTheMembersItReports() throws Exception {
        signIn("agent", "1111");
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            as("agent").body(Map.of("reason", "培训")).post("/api/telephony/agents/me/pause").then().statusCode(200);
            awaitState("agent", "PAUSED");
            // core restart now: the AMI is back before the queue members are loaded from astdb
            asterisk.setBooting(true);
            asterisk.queueStatus();
            int logins = asterisk.logins();
            int queueStatuses = asterisk.actions("QueueStatus").size();
            asterisk.dropConnections();
            asterisk.awaitLogins(logins + 1, WAIT);
            Thread.sleep(1000);
            assertThat(asterisk.actions("QueueStatus")).as("no QueueStatus before FullyBooted")
                    .hasSize(queueStatuses);
            Member member = new Member("hotline", "PJSIP/1111", "agent");
            asterisk.queueStatus(AmiEvents.queueParams("hotline", 0, 0, 0),
                    AmiEvents.queueMember(member, AmiEvents.NOT_INUSE, true, "培训"));
            asterisk.setBooting(false);

            await("the queues read again").atMost(ofSeconds(20))
                    .until(() -> asterisk.actions("QueueStatus").size() > queueStatuses);
            JsonPath agent = awaitState("agent", "PAUSED");
            assertThat(agent.getString("pauseReason")).isEqualTo("培训");
            flush();
            assertThat(pushed.stream().map(this::state)).as("never signed out on the agent's page")
                    .doesNotContain("LOGGED_OUT");
        } finally {
            signOut("agent");
        }
    }

    @Test
    void signingInAgainWhereAsteriskSaysAlreadyThereAdoptsTheMemberAsItIs() {
        asterisk.reset();
        Member member = new Member("hotline", "PJSIP/1113", "agent");
        asterisk.answer("QueueAdd", action -> FakeAsterisk.error("Unable to add interface: Already there"));
        asterisk.queueStatus(AmiEvents.queueParams("hotline", 0, 0, 0),
                AmiEvents.queueMember(member, AmiEvents.NOT_INUSE, false, ""));
        try {
            signIn("agent", "1113");
            await("the member on the board as Asterisk has it").atMost(ofSeconds(20))
                    .until(() -> as("supervisor").get("/api/telephony/wallboard")
                            .then().statusCode(200).extract().jsonPath().getList("agents.device", String.class),
                            devices -> devices.contains("PJSIP/1113"));
        } finally {
            asterisk.reset();
            asterisk.queueStatus();
            signOut("agent");
        }
    }

    @Test
    void theWallboardCountsWaitingAnsweredAndAbandonedCallsAndStreamsToSupervisorsOnly() throws Exception {
        JsonPath before = hotlineFigures();
        Member member = new Member("hotline", "PJSIP/1109", "agent");
        Channel quick = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        AmiEvents.answeredCall(quick, Channel.agent("PJSIP/1109-" + CALLS.incrementAndGet(), callId(), quick),
                member, 5, 30).forEach(asterisk::event);
        Channel slow = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        AmiEvents.answeredCall(slow, Channel.agent("PJSIP/1109-" + CALLS.incrementAndGet(), callId(), slow),
                member, 40, 30).forEach(asterisk::event);
        Channel gaveUp = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        AmiEvents.abandonedCall(gaveUp, Channel.agent("PJSIP/1109-" + CALLS.incrementAndGet(), callId(), gaveUp),
                member, 25).forEach(asterisk::event);
        Channel waiting = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        asterisk.event(AmiEvents.queueCallerJoin(waiting, "hotline", 1, 1));
        flush();

        JsonPath after = await("the calls counted").atMost(ofSeconds(20)).until(this::hotlineFigures,
                figures -> figures.getInt("waiting") == before.getInt("waiting") + 1);
        assertThat(after.getInt("answeredToday")).isEqualTo(before.getInt("answeredToday") + 2);
        assertThat(after.getInt("abandonedToday")).isEqualTo(before.getInt("abandonedToday") + 1);
        assertThat(after.getInt("answeredWithinTarget")).isEqualTo(before.getInt("answeredWithinTarget") + 1);
        assertThat(after.getDouble("answeredWithinTargetShare")).isCloseTo((double) after.getInt(
                "answeredWithinTarget") / (after.getInt("answeredToday") + after.getInt("abandonedToday")),
                offset(1e-6));
        assertThat(after.getLong("longestWaitSeconds")).isNotNegative();
        as("supervisor").get("/api/telephony/wallboard").then().body("targetSeconds", equalTo(15))
                .body("targetShare", equalTo(0.95f));

        BlockingQueue<String> board = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(wallboardSocket, "supervisor", board)) {
            JsonNode snapshot = message(board, "wallboard");
            assertThat(snapshot.get("queues").findValuesAsText("queue")).contains("hotline", "business-desk");
        }
        as("agent").get("/api/telephony/wallboard").then().statusCode(403);
        BlockingQueue<String> refused = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(wallboardSocket, "agent", refused)) {
            assertThat(refused.poll(1500, TimeUnit.MILLISECONDS)).as("nothing streams to an agent").isNull();
        } catch (DeploymentException refusedAtUpgrade) {
            // refused before the upgrade, as the HTTP permission does
        }

        asterisk.event(AmiEvents.queueCallerLeave(waiting, "hotline", 1, 0));
        await("the caller gone from the queue").atMost(ofSeconds(20)).until(this::hotlineFigures,
                figures -> figures.getInt("waiting") == before.getInt("waiting"));
    }

    @Test
    void afterAReconnectTheQueuesAreReadAgainAndWhatAsteriskNoLongerHasIsGone() {
        Channel waiting = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        int waitingBefore = hotlineFigures().getInt("waiting");
        asterisk.queueStatus(AmiEvents.queueParams("hotline", 1, 0, 0),
                AmiEvents.queueMember(new Member("hotline", "PJSIP/1110", "desk2"), AmiEvents.NOT_INUSE, true, "培训"),
                AmiEvents.queueEntry("hotline", 1, waiting, 30));
        int logins = asterisk.logins();
        asterisk.dropConnections();
        asterisk.awaitLogins(logins + 1, WAIT);

        JsonPath desk2 = await("desk2 read from QueueStatus").atMost(ofSeconds(20)).until(() -> agentFromBoard("desk2"),
                agent -> agent != null && "PAUSED".equals(agent.getString("state")));
        assertThat(desk2.getString("pauseReason")).isEqualTo("培训");
        assertThat(desk2.getList("queues", String.class)).containsExactly("hotline");
        await("the waiting caller read from QueueStatus").atMost(ofSeconds(20)).until(this::hotlineFigures,
                figures -> figures.getInt("waiting") == waitingBefore + 1);
        assertThat(status().getInt("reconnects")).isPositive();

        asterisk.queueStatus();
        asterisk.dropConnections();
        asterisk.awaitLogins(logins + 2, WAIT);
        await("desk2 gone with the next QueueStatus").atMost(ofSeconds(20))
                .until(() -> agentFromBoard("desk2") == null);
        await("the caller no longer waiting").atMost(ofSeconds(20)).until(this::hotlineFigures,
                figures -> figures.getInt("waiting") == waitingBefore);
    }

    @Test
    void malformedLinesAndUnknownEventsDoNotStopTheStream() {
        int waitingBefore = hotlineFigures().getInt("waiting");
        asterisk.sendRaw("this line has no colon\r\n\r\n");
        asterisk.sendRaw("Event: SomethingAsteriskAddsLater\r\nPrivilege: call,all\r\nShiny: yes\r\n\r\n");
        asterisk.sendRaw("Event: QueueCallerJoin\r\nPrivilege: agent,all\r\n\r\n");
        Channel caller = Channel.caller("PJSIP/trunk-" + CALLS.incrementAndGet(), callId(), phone());
        asterisk.event(AmiEvents.queueCallerJoin(caller, "hotline", 1, 1));
        await("the well-formed event applied").atMost(ofSeconds(20)).until(this::hotlineFigures,
                figures -> figures.getInt("waiting") == waitingBefore + 1);
        asterisk.event(AmiEvents.queueCallerLeave(caller, "hotline", 1, 0));
        await("and the next").atMost(ofSeconds(20)).until(this::hotlineFigures,
                figures -> figures.getInt("waiting") == waitingBefore);
        assertThat(status().getBoolean("connected")).isTrue();
    }

    @Test
    void whileAsteriskIsAwayTelephonyHealthIsDownTheServiceStaysReadyAndActionsAre503() throws Exception {
        try {
            asterisk.setRefuseConnections(true);
            asterisk.dropConnections();
            await("the loss noticed").atMost(ofSeconds(20)).until(() -> !status().getBoolean("connected"));
            as("agent").get("/q/health/group/telephony").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks[0].data.configured", equalTo(true));
            as("agent").get("/q/health/ready").then().statusCode(200);
            as("agent").body(Map.of("extension", "1111")).post("/api/telephony/agents/me/login").then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("not connected"));
            Api.registerDispatched("HOUSING");
        } finally {
            asterisk.setRefuseConnections(false);
        }
        await("connected again").atMost(ofSeconds(20)).until(() -> status().getBoolean("connected"));
        as("agent").get("/q/health/group/telephony").then().statusCode(200).body("status", equalTo("UP"));
    }

    private JsonPath status() {
        return as("supervisor").get("/api/telephony/status").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath hotlineFigures() {
        Map<String, Object> figures = as("supervisor").get("/api/telephony/wallboard").then().statusCode(200)
                .extract().path("queues.find { it.queue == 'hotline' }");
        return new JsonPath(toJson(figures));
    }

    private JsonPath agentFromBoard(String username) {
        Map<String, Object> agent = as("supervisor").get("/api/telephony/agents").then().statusCode(200).extract()
                .path("find { it.username == '" + username + "' }");
        return agent == null ? null : new JsonPath(toJson(agent));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response me(String username) {
        return as(username).get("/api/telephony/agents/me");
    }

    private static JsonPath awaitState(String username, String state) {
        return await(username + " " + state).atMost(ofSeconds(20)).until(
                () -> me(username).then().statusCode(200).extract().jsonPath(),
                agent -> state.equals(agent.getString("state")));
    }

    private static void signIn(String username, String extension) {
        as(username).body(Map.of("extension", extension)).post("/api/telephony/agents/me/login").then()
                .statusCode(200).body("extension", equalTo(extension));
    }

    private static void signOut(String username) {
        as(username).post("/api/telephony/agents/me/logout");
    }

    private Packet last(String action) {
        List<Packet> sent = asterisk.actions(action);
        assertThat(sent).as("a %s action sent to Asterisk", action).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private void flush() throws InterruptedException {
        // the board thread hands records to the store; wait for both
        await("records written").atMost(ofSeconds(20)).until(() -> {
            try {
                return store.flush(5) && store.waiting() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Thread.sleep(50);
        store.flush(5);
    }

    private JsonNode message(BlockingQueue<String> pushed, String type) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> others = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String text = pushed.poll(200, TimeUnit.MILLISECONDS);
            if (text != null) {
                JsonNode message = json.readTree(text);
                if (type.equals(message.path("type").asText())) {
                    return message;
                }
                others.add(text);
            }
        }
        throw new AssertionError("no " + type + " message within " + WAIT + "; received instead: " + others);
    }

    private static AgiCall.Transcript agi(String script, Channel caller) throws Exception {
        return new AgiCall(FakeAsteriskResource.agiPort(), script).channel(caller.name(), caller.uniqueId())
                .callerId(caller.callerIdNum()).run(WAIT);
    }

    /** A file in the recordings directory as MixMonitor leaves it: {@code bytes} long (44: a bare WAV header). */
    private static String recordingFile(Channel caller, int bytes) throws java.io.IOException {
        String relative = "2026/11/24/" + caller.uniqueId() + ".wav";
        java.nio.file.Path file = FakeAsteriskResource.recordings().resolve(relative);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[bytes]);
        return relative;
    }

    private String state(String message) {
        try {
            JsonNode node = json.readTree(message);
            return "agent-state".equals(node.path("type").asText()) ? node.path("state").asText() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static String registerFor(String phone) {
        Map<String, Object> body = Api.registration();
        ((Map<String, Object>) body.get("citizen")).put("phone", phone);
        body.put("dispatch", Api.dispatchTo("HOUSING"));
        return Api.register(body);
    }

    /** A mobile number no other test calls from. */
    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String callId() {
        return "1790000000." + CALLS.incrementAndGet() + ThreadLocalRandom.current().nextInt(1000, 9999);
    }
}
