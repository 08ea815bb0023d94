package org.hotline12345.telephony.pbx;

import static io.restassured.RestAssured.given;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hotline12345.database.EmbeddedDatabase;
import org.hotline12345.support.Api;
import org.hotline12345.support.Ports;
import org.hotline12345.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * No call forgotten, on the real Asterisk with the packaged service: the service is stopped, a citizen calls, the
 * IVR goes on without it, an agent answers and talks; when the service is back its record of that call is complete
 * from Asterisk's own queue_log in the database (queue, caller, wait, agent, talk, recording).
 */
@EnabledIf("org.hotline12345.telephony.pbx.AsteriskBundle#runnable")
class RealPbxOutageIT {

    @Test
    void aCallHandledWhileTheServiceWasDownIsInItsRecordsAfterwards() throws Exception {
        int agiPort = Ports.free();
        int httpPort = Ports.free();
        String base = "http://localhost:" + httpPort;
        try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
                RealAsterisk pbx = RealAsterisk.start(RealAsterisk.Options.of("outage-pbx", agiPort));
                Sipp phone = Sipp.phone(pbx, "1001", Duration.ofMillis(300), Duration.ofSeconds(4))) {
            Map<String, String> telephony = Map.of("HOTLINE_TELEPHONY_ENABLED", "true",
                    "HOTLINE_TELEPHONY_AMI_HOST", RealAsterisk.HOST, "HOTLINE_TELEPHONY_AMI_PORT",
                    String.valueOf(pbx.amiPort()), "HOTLINE_TELEPHONY_AMI_PASSWORD", RealAsterisk.AMI_SECRET,
                    "HOTLINE_TELEPHONY_AGI_BIND_ADDRESS", RealAsterisk.HOST, "HOTLINE_TELEPHONY_AGI_PORT",
                    String.valueOf(agiPort), "HOTLINE_TELEPHONY_RECORDINGS_DIRECTORY", pbx.recordings().toString());
            Process service = start(database, httpPort, telephony, "outage-service-1.log", base);
            // the service's migrations made the table: Asterisk may write its queue_log there now
            pbx.queueLogTo(database.jdbcUrl(), database.username(), "");
            as(base, "agent").body(Map.of("extension", "1001")).post("/api/telephony/agents/me/login").then()
                    .statusCode(200);
            stop(service);

            String caller = "1390000" + (1000 + (int) (Math.random() * 8999));
            try (Sipp call = Sipp.call(pbx, Sipp.Call.from(caller).stay(Duration.ofSeconds(12)))) {
                assertThat(call.awaitExit(Duration.ofSeconds(40))).as(call.errors()).isZero();
            }
            assertThat(pbx.cli("database show")).as("Asterisk kept the agent in the queue").contains("1001");

            Process back = start(database, httpPort, telephony, "outage-service-2.log", base);
            try {
                JsonPath record = await("the call reconciled from the queue_log").atMost(ofSeconds(20)).until(() -> {
                    List<Map<String, Object>> items = as(base, "supervisor").queryParam("number", caller)
                            .get("/api/telephony/calls").then().statusCode(200).extract().path("items");
                    return items.isEmpty()
                            ? null
                            : JsonPath.from(as(base, "supervisor")
                                    .get("/api/telephony/calls/" + items.get(0).get("callId")).asString());
                }, r -> r != null && r.getString("endedAt") != null);
                assertThat(record.getString("queue")).isEqualTo("hotline");
                assertThat(record.getString("agentUsername")).isEqualTo("agent");
                assertThat(record.getInt("waitSeconds")).isNotNegative();
                assertThat(record.getInt("talkSeconds")).isBetween(2, 6);
                assertThat(record.getString("endedBy")).isEqualTo("agent");
                assertThat(record.getBoolean("abandoned")).isFalse();
                assertThat(record.getBoolean("recorded")).isTrue();
                assertThat(as(base, "supervisor").accept("audio/wav, application/problem+json")
                        .get("/api/telephony/calls/" + record.getString("callId")
                                + "/recording")
                        .then().statusCode(200).extract().asByteArray().length).isGreaterThan(1000);
            } finally {
                stop(back);
            }
        }
    }

    private static Process start(EmbeddedDatabase database, int httpPort, Map<String, String> telephony, String log,
            String base) throws Exception {
        Process service = ServiceProcess.start(database, httpPort, telephony, log);
        ServiceProcess.awaitReady(service, base, log);
        await("connected to Asterisk").atMost(ofSeconds(20)).until(() -> Boolean.TRUE.equals(as(base, "supervisor")
                .get("/api/telephony/status").then().extract().path("connected")));
        return service;
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            service.destroyForcibly().waitFor();
        }
    }

    private static RequestSpecification as(String base, String username) {
        return given().baseUri(base).auth().preemptive().basic(username, Api.PASSWORD).contentType("application/json");
    }
}
