package org.hotline12345.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.peer.AgiCall;
import org.hotline12345.telephony.peer.AgiCall.Transcript;
import org.hotline12345.workorder.CreditCode;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The IVR's decisions over FastAGI, asked by a client that plays Asterisk's side of the protocol. */
@QuarkusTest
@TestProfile(TelephonyProfile.class)
class FastAgiTest extends DatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger CALLS = new AtomicInteger();

    @Inject
    CallStore store;

    @Test
    void aNumberBlockedForHarassmentIsToldSoUntilTheBlockIsLifted() throws Exception {
        String phone = phone();
        as("supervisor").body(Map.of("phone", phone, "reason", "多次辱骂坐席")).post("/api/telephony/blocked-numbers")
                .then().statusCode(200).body("phone", equalTo(phone));
        String callId = callId();
        assertThat(call("caller-lookup", phone, callId).variables()).containsEntry("HOTLINE_BLOCKED", "1");
        store.flush(5);
        as("supervisor").get("/api/telephony/calls/" + callId).then().statusCode(200).body("blocked", equalTo(true))
                .body("callerNumber", equalTo(phone));

        as("agent").delete("/api/telephony/blocked-numbers/" + phone).then().statusCode(403);
        as("supervisor").delete("/api/telephony/blocked-numbers/" + phone).then().statusCode(204);
        assertThat(call("caller-lookup", phone, callId()).variables()).containsEntry("HOTLINE_BLOCKED", "0");
        as("supervisor").body(Map.of("phone", "abc", "reason", "")).post("/api/telephony/blocked-numbers").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anEnterprisesNumberIsRecognised() throws Exception {
        String phone = phone();
        Map<String, Object> body = Api.registration();
        ((Map<String, Object>) body.get("citizen")).put("phone", phone);
        String first17 = "91330100" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        body.put("enterprise", Map.of("name", "来电测试有限公司", "creditCode",
                first17 + CreditCode.checkCharacter(first17)));
        as("agent").body(body).post("/api/work-orders").then().statusCode(201);

        assertThat(call("caller-lookup", phone, callId()).variables()).containsEntry("HOTLINE_ENTERPRISE", "1")
                .containsEntry("HOTLINE_OPEN_ORDERS", "1");
        assertThat(call("caller-lookup", phone(), callId()).variables()).containsEntry("HOTLINE_ENTERPRISE", "0")
                .containsEntry("HOTLINE_OPEN_ORDERS", "0");
    }

    @Test
    void theMenuSendsEnterprisesToTheDeskAndEverythingElseToTheHotline() throws Exception {
        assertThat(call("menu?choice=1", phone(), callId()).variables()).containsEntry("HOTLINE_QUEUE",
                "business-desk");
        assertThat(call("menu?choice=0", phone(), callId()).variables()).containsEntry("HOTLINE_QUEUE", "hotline");
        assertThat(call("menu?choice=2", phone(), callId()).variables()).containsEntry("HOTLINE_QUEUE", "hotline");
        assertThat(call("menu?choice=t", phone(), callId()).variables()).containsEntry("HOTLINE_QUEUE", "hotline");
        assertThat(call("menu", phone(), callId()).variables()).containsEntry("HOTLINE_QUEUE", "hotline");
    }

    @Test
    void aWorkOrdersStatusIsReadBackAsTextAndPrompts() throws Exception {
        String number = Api.registerDispatched("HOUSING");
        Map<String, String> found = call("order-status?number=" + number.replace("-", ""), phone(), callId())
                .variables();
        assertThat(found).containsEntry("HOTLINE_STATUS_FOUND", "1").containsEntry("HOTLINE_STATUS_PROMPTS",
                "hotline/order-status-is&hotline/status-dispatched");
        assertThat(found.get("HOTLINE_STATUS_TEXT")).contains("已派往市住建局").contains("等待签收").contains("办理时限为");

        assertThat(call("order-status?number=19990101000001", phone(), callId()).variables())
                .containsEntry("HOTLINE_STATUS_FOUND", "0").doesNotContainKey("HOTLINE_STATUS_TEXT");
        assertThat(call("order-status?number=123", phone(), callId()).variables())
                .containsEntry("HOTLINE_STATUS_FOUND", "0");
    }

    @Test
    void aConfidentialWorkOrderIsReadOnlyToTheNumberThatRegisteredIt() throws Exception {
        String phone = phone();
        Map<String, Object> body = Api.registration();
        Map<String, Object> citizen = (Map<String, Object>) body.get("citizen");
        citizen.put("phone", phone);
        citizen.put("confidential", true);
        String digits = Api.register(body).replace("-", "");

        assertThat(call("order-status?number=" + digits, phone(), callId()).variables())
                .containsEntry("HOTLINE_STATUS_FOUND", "0");
        assertThat(call("order-status?number=" + digits, phone, callId()).variables())
                .containsEntry("HOTLINE_STATUS_FOUND", "1");
    }

    @Test
    void theSurveyStoresTheFiveLevelRatingAndTheSatisfactionItCountsAs() throws Exception {
        String callId = callId();
        String phone = phone();
        call("caller-lookup", phone, callId);
        assertThat(call("survey?result=6", phone, callId).variables()).containsEntry("HOTLINE_SURVEY_OK", "0");
        assertThat(call("survey?result=0", phone, callId).variables()).containsEntry("HOTLINE_SURVEY_OK", "0");
        assertThat(call("survey", phone, callId).variables()).containsEntry("HOTLINE_SURVEY_OK", "0");
        assertThat(call("survey?result=2", phone, callId).variables()).containsEntry("HOTLINE_SURVEY_OK", "1");
        store.flush(5);
        as("supervisor").get("/api/telephony/calls/" + callId).then().statusCode(200)
                .body("serviceRating", equalTo("DISSATISFIED")).body("surveyResult", equalTo("DISSATISFIED"));

        String rated = callId();
        call("caller-lookup", phone, rated);
        assertThat(call("survey?result=5", phone, rated).variables()).containsEntry("HOTLINE_SURVEY_OK", "1");
        store.flush(5);
        as("supervisor").get("/api/telephony/calls/" + rated).then().statusCode(200)
                .body("serviceRating", equalTo("VERY_SATISFIED")).body("surveyResult", equalTo("SATISFIED"));
    }

    @Test
    void aCallerHangingUpOrALineBreakingMidScriptLeavesTheServerServing() throws Exception {
        Transcript hungUp = new AgiCall(FakeAsteriskResource.agiPort(), "caller-lookup").callerId(phone())
                .channel("PJSIP/trunk-hangup", callId()).hangUpAfter(1).run(WAIT);
        assertThat(hungUp.commands()).isNotEmpty();
        assertThat(hungUp.closedByServer()).isTrue();

        Transcript broken = new AgiCall(FakeAsteriskResource.agiPort(), "caller-lookup").callerId(phone())
                .channel("PJSIP/trunk-broken", callId()).closeAfter(1).run(WAIT);
        assertThat(broken.commands()).hasSize(1);

        Transcript unknown = new AgiCall(FakeAsteriskResource.agiPort(), "no-such-script").run(WAIT);
        assertThat(unknown.variables()).as("Asterisk-Java's answer to a script it does not have")
                .containsExactly(Map.entry("AJ_AGISTATUS", "NOT_FOUND"));
        assertThat(unknown.closedByServer()).isTrue();

        assertThat(call("caller-lookup", phone(), callId()).variables()).containsKeys("HOTLINE_BLOCKED",
                "HOTLINE_REPEAT", "HOTLINE_ENTERPRISE", "HOTLINE_OPEN_ORDERS");
    }

    private static Transcript call(String script, String phone, String callId) throws Exception {
        Transcript transcript = new AgiCall(FakeAsteriskResource.agiPort(), script)
                .channel("PJSIP/trunk-" + CALLS.incrementAndGet(), callId).callerId(phone).run(WAIT);
        assertThat(transcript.closedByServer()).as("the script ends the AGI session").isTrue();
        return transcript;
    }

    private static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String callId() {
        return "1791000000." + CALLS.incrementAndGet() + ThreadLocalRandom.current().nextInt(1000, 9999);
    }
}
