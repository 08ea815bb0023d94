package org.hotline12345.telephony.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.support.Api.as;
import static org.hotline12345.support.Eventually.value;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.Session;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Sockets;
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
 * A citizen's call through the real Asterisk with the shipped dialplan: the IVR asks the service over FastAGI, the
 * call queues, rings a registered SIPp phone, pops on the agent's WebSocket, is answered, recorded, and surveyed; the
 * record says so.
 */
@QuarkusTest
@TestProfile(RealAsteriskProfile.class)
@EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")
class RealPbxCallTest extends DatabaseTest {

    @TestHTTPResource("/ws/telephony")
    URI agentSocket;

    private final ObjectMapper json = new ObjectMapper();
    private Sipp phone;

    @AfterEach
    void hangUpThePhone() {
        as("agent").post("/api/telephony/agents/me/logout");
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void aCallWithNoKeyQueuesPopsIsAnsweredRecordedAndSurveyed() throws Exception {
        RealAsterisk pbx = RealAsteriskResource.asterisk();
        phone = Sipp.phone(pbx, "1001", Duration.ofMillis(500), Duration.ofSeconds(2));
        as("agent").body(Map.of("extension", "1001")).post("/api/telephony/agents/me/login").then().statusCode(200);
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        try (Session socket = Sockets.open(agentSocket, "agent", pushed)) {
            Sipp call = Sipp.call(pbx, Sipp.Call.from("13900000001").survey("1", Duration.ofSeconds(6)));

            JsonNode pop = message(pushed, "screen-pop");
            assertThat(pop.get("callerNumber").asText()).isEqualTo("13900000001");
            assertThat(pop.get("queue").asText()).isEqualTo("hotline");
            String callId = pop.get("callId").asText();

            assertThat(call.awaitExit(Duration.ofSeconds(40))).as(call.errors()).isZero();
            JsonPath record = value("the call's record complete", () -> as("supervisor")
                    .get("/api/telephony/calls/" + callId).then().extract().jsonPath(),
                    r -> r.getString("surveyResult") != null && r.getString("endedAt") != null);
            assertThat(record.getString("queue")).isEqualTo("hotline");
            assertThat(record.getString("ivrChoice")).isEqualTo("NONE");
            assertThat(record.getString("agentUsername")).isEqualTo("agent");
            assertThat(record.getString("endedBy")).isEqualTo("agent");
            assertThat(record.getInt("talkSeconds")).isBetween(1, 4);
            assertThat(record.getBoolean("abandoned")).isFalse();
            assertThat(record.getBoolean("recorded")).isTrue();
            assertThat(record.getString("surveyResult")).isEqualTo("SATISFIED");
            byte[] recording = as("supervisor").accept("audio/wav, application/problem+json")
                    .get("/api/telephony/calls/" + callId + "/recording").then()
                    .statusCode(200).extract().asByteArray();
            assertThat(recording.length).as("a recording with audio, not a bare WAV header").isGreaterThan(1000);
        }
    }

    private JsonNode message(BlockingQueue<String> pushed, String type) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String text = pushed.poll(200, TimeUnit.MILLISECONDS);
            if (text != null) {
                JsonNode message = json.readTree(text);
                if (type.equals(message.get("type").asText())) {
                    return message;
                }
            }
        }
        throw new AssertionError("no " + type + " message within 20 s; got " + List.copyOf(pushed));
    }
}
