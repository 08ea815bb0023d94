package org.hotline12345.telephony;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotline12345.support.DatabaseTest;
import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Two Asterisk servers behind a SIP load balancer, one service: an AMI connection to each, their queues and agents
 * on one board, actions on a call sent to the server that has it, and work going on while one is down. (Two real
 * bundles: RealPbxTwoServersTest.)
 */
@QuarkusTest
@TestProfile(TwoAsterisksProfile.class)
class SeveralAsterisksTest extends DatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void twoServersFeedOneBoardAndTheServiceGoesOnWhileOneIsDown() throws Exception {
        FakeAsterisk pbx1 = TwoAsterisksProfile.Peers.pbx1();
        FakeAsterisk pbx2 = TwoAsterisksProfile.Peers.pbx2();
        Member onPbx1 = new Member("hotline", "PJSIP/1201", "agent");
        // the phone registered at pbx2: pbx1 reports it unreachable
        pbx1.afterAction("QueueAdd", action -> pbx1.event(AmiEvents.queueMemberStatus(onPbx1,
                AmiEvents.UNAVAILABLE, false, false)));
        pbx1.afterAction("QueueAdd", action -> pbx1.event(AmiEvents.queueMemberAdded(onPbx1)));
        pbx2.afterAction("QueueAdd", action -> pbx2.event(AmiEvents.queueMemberAdded(onPbx1)));
        pbx2.afterAction("QueuePause", action -> pbx2.event(AmiEvents.queueMemberPause(onPbx1,
                "true".equals(action.get("Paused")), action.get("Reason") == null ? "" : action.get("Reason"))));
        await("both servers connected").atMost(ofSeconds(20))
                .until(() -> as("supervisor").get("/api/telephony/status").then().extract()
                        .jsonPath().getList("servers.findAll { it.connected }.name").size() == 2);

        as("agent").body(Map.of("extension", "1201")).post("/api/telephony/agents/me/login").then().statusCode(200);
        try {
            assertThat(pbx1.awaitAction("QueueAdd", WAIT).get("Interface")).isEqualTo("PJSIP/1201");
            assertThat(pbx2.awaitAction("QueueAdd", WAIT).get("Interface")).isEqualTo("PJSIP/1201");
            await("the agent ready: pbx2 reaches the phone").atMost(ofSeconds(20)).until(() -> agentState(),
                    state -> state.equals("READY"));

            int waitingBefore = hotline().getInt("waiting");
            Channel first = Channel.caller("PJSIP/carrier-1", "pbx1-1765000000.1", "13900001111");
            Channel second = Channel.caller("PJSIP/carrier-1", "pbx2-1765000000.1", "13900002222");
            pbx1.event(AmiEvents.queueCallerJoin(first, "hotline", 1, 1));
            pbx2.event(AmiEvents.queueCallerJoin(second, "hotline", 1, 1));
            await("one queue, callers of both servers").atMost(ofSeconds(20)).until(() -> hotline().getInt("waiting"),
                    waiting -> waiting == waitingBefore + 2);

            Channel agentLeg = Channel.agent("PJSIP/1201-00000001", "pbx2-1765000000.2", second).withState(6);
            pbx2.event(AmiEvents.agentConnect(second, agentLeg, onPbx1, 4, 1));
            await("on the call of pbx2").atMost(ofSeconds(20)).until(this::agentState,
                    state -> state.equals("ON_CALL"));
            int redirectsOnPbx1 = pbx1.actions("Redirect").size();
            as("agent").body(Map.of("target", "110")).post("/api/telephony/calls/" + second.uniqueId() + "/transfer")
                    .then().statusCode(202);
            assertThat(pbx2.awaitAction("Redirect", WAIT).get("Channel")).isEqualTo(second.name());
            assertThat(pbx1.actions("Redirect")).as("nothing sent to the server without the call")
                    .hasSize(redirectsOnPbx1);

            // pbx1 goes down: the board and the actions go on through pbx2
            pbx1.setRefuseConnections(true);
            pbx1.dropConnections();
            await("pbx1 down, pbx2 up").atMost(ofSeconds(20)).until(() -> {
                JsonPath status = as("supervisor").get("/api/telephony/status").then().extract().jsonPath();
                return status.getBoolean("connected")
                        && status.getList("servers.findAll { it.connected }.name").equals(List.of("pbx2"));
            });
            as("supervisor").get("/q/health/group/telephony").then().statusCode(503);
            pbx2.event(AmiEvents.agentComplete(second, agentLeg, onPbx1, 4, 30, "agent"));
            as("agent").body(Map.of("reason", "小休")).post("/api/telephony/agents/me/pause").then().statusCode(200);
            await("paused through pbx2").atMost(ofSeconds(20)).until(this::agentState,
                    state -> state.equals("PAUSED"));

            // pbx1 comes back without the member (it was away): the service adds the agent there again, paused
            pbx1.reset();
            pbx1.queueStatus();
            int addsOnPbx1 = pbx1.actions("QueueAdd").size();
            pbx1.setRefuseConnections(false);
            await("pbx1 given the agent back").atMost(ofSeconds(20))
                    .until(() -> pbx1.actions("QueueAdd").size() > addsOnPbx1);
            FakeAsterisk.Packet readded = pbx1.actions("QueueAdd").get(pbx1.actions("QueueAdd").size() - 1);
            assertThat(readded.get("Interface")).isEqualTo("PJSIP/1201");
            assertThat(readded.get("MemberName")).isEqualTo("agent");
            assertThat(readded.get("Paused")).isEqualTo("true");
            as("supervisor").get("/q/health/group/telephony").then().statusCode(200)
                    .body("checks[0].data.servers", equalTo("pbx1, pbx2"));
        } finally {
            as("agent").post("/api/telephony/agents/me/logout");
        }
    }

    private String agentState() {
        return as("agent").get("/api/telephony/agents/me").then().statusCode(200).extract().path("state");
    }

    private JsonPath hotline() {
        return new JsonPath(as("supervisor").get("/api/telephony/wallboard").then().statusCode(200).extract()
                .asString()).setRootPath("queues.find { it.queue == 'hotline' }");
    }
}
