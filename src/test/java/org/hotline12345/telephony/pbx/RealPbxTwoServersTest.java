package org.hotline12345.telephony.pbx;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline12345.support.Api.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Two bundle instances (systemname pbx1 and pbx2, their own ports) feeding one service: one board with the callers
 * of both, the agent's phone registered at one of them, and the service going on while the other is down.
 */
@QuarkusTest
@TestProfile(RealPbxTwoServersTest.TwoBundles.class)
@EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")
class RealPbxTwoServersTest extends DatabaseTest {

    /** Two real Asterisks, {@code hotline.telephony.servers.pbx1} and {@code .pbx2}. */
    public static class TwoBundles implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Pair.class));
        }
    }

    public static class Pair implements QuarkusTestResourceLifecycleManager {
        static volatile RealAsterisk pbx1;
        static volatile RealAsterisk pbx2;

        @Override
        public Map<String, String> start() {
            try {
                int agiPort = Ports.free();
                pbx1 = RealAsterisk.start(RealAsterisk.Options.of("pair-pbx1", agiPort).systemName("pbx1"));
                pbx2 = RealAsterisk.start(RealAsterisk.Options.of("pair-pbx2", agiPort).systemName("pbx2"));
                Map<String, String> config = new HashMap<>();
                config.put("hotline.telephony.enabled", "true");
                config.put("hotline.telephony.ami.password", RealAsterisk.AMI_SECRET);
                config.put("hotline.telephony.servers.pbx1.host", RealAsterisk.HOST);
                config.put("hotline.telephony.servers.pbx1.port", String.valueOf(pbx1.amiPort()));
                config.put("hotline.telephony.servers.pbx2.host", RealAsterisk.HOST);
                config.put("hotline.telephony.servers.pbx2.port", String.valueOf(pbx2.amiPort()));
                config.put("hotline.telephony.agi.bind-address", RealAsterisk.HOST);
                config.put("hotline.telephony.agi.port", String.valueOf(agiPort));
                return config;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (pbx1 != null) {
                pbx1.close();
            }
            if (pbx2 != null) {
                pbx2.close();
            }
        }
    }

    @Test
    void twoServersMakeOneBoardAndOneDownLeavesTheOtherWorking() throws Exception {
        try (Sipp phone = Sipp.phone(Pair.pbx2, "1009", Duration.ofMinutes(1), null)) {
            await("both servers connected").atMost(ofSeconds(20))
                    .until(() -> as("supervisor").get("/api/telephony/status").then().extract()
                            .jsonPath().getList("servers.findAll { it.connected }.name").size() == 2);
            as("agent").body(Map.of("extension", "1009")).post("/api/telephony/agents/me/login").then()
                    .statusCode(200);
            assertThat(Pair.pbx1.cli("queue show hotline")).contains("PJSIP/1009");
            assertThat(Pair.pbx2.cli("queue show hotline")).contains("PJSIP/1009");
            await("ready: pbx2 reaches the phone").atMost(ofSeconds(20)).until(() -> "READY".equals(as("agent")
                    .get("/api/telephony/agents/me").then().extract().path("state")));

            // a caller waits at each server: pbx1 has no registration of the phone, pbx2 rings it
            try (Sipp first = Sipp.call(Pair.pbx1, Sipp.Call.from("13900009001").stay(Duration.ofSeconds(15)));
                    Sipp second = Sipp.call(Pair.pbx2, Sipp.Call.from("13900009002").stay(Duration.ofSeconds(15)))) {
                await("callers of both servers on one board").atMost(ofSeconds(20)).until(() -> {
                    JsonPath board = as("supervisor").get("/api/telephony/wallboard").then().extract().jsonPath();
                    return board.getInt("queues.find { it.queue == 'hotline' }.waiting") >= 1
                            && "RINGING".equals(board.getString("agents.find { it.device == 'PJSIP/1009' }.state"));
                });
                assertThat(as("supervisor").queryParam("number", "13900009001").get("/api/telephony/calls").then()
                        .extract().jsonPath().getString("items[0].callId")).startsWith("pbx1-");
            }

            Pair.pbx1.stop();
            await("pbx1 down, the service on pbx2").atMost(ofSeconds(20)).until(() -> {
                JsonPath status = as("supervisor").get("/api/telephony/status").then().extract().jsonPath();
                return status.getBoolean("connected")
                        && status.getList("servers.findAll { it.connected }.name").equals(List.of("pbx2"));
            });
            as("agent").body(Map.of("reason", "小休")).post("/api/telephony/agents/me/pause").then().statusCode(200);
            await("paused through pbx2").atMost(ofSeconds(20))
                    .until(() -> "PAUSED".equals(as("agent").get("/api/telephony/agents/me").then()
                            .extract().path("state")));
            Pair.pbx1.startAgain();
            // the service reconnects within its backoff (5 s here) and reads the queues as soon as Asterisk says it
            // is fully booted (at login, when it already is): well before AmiClient's 15-s fallback would
            await("pbx1 back, with the agent paused again").atMost(ofSeconds(14)).until(() -> {
                String queue = Pair.pbx1.cli("queue show hotline");
                return queue.contains("PJSIP/1009") && queue.contains("小休");
            });
        } finally {
            as("agent").post("/api/telephony/agents/me/logout");
        }
    }
}
