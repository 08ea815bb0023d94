package org.hotline12345.telephony.callback;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.hotline12345.support.Api.as;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Channel;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Calls the simulated Asterisk misses or answers, and the callback list they end up on (also read by the real PBX's
 * drills).
 */
public final class MissedCallPeers {

    private static final AtomicInteger CALLS = new AtomicInteger();

    private MissedCallPeers() {
    }

    /** A mobile number no other test calls from. */
    static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A caller from {@code phone} waits in the hotline queue, rings an agent in vain and hangs up. */
    static String abandon(FakeAsterisk asterisk, String phone, long holdSeconds) {
        Channel caller = caller(phone);
        AmiEvents.abandonedCall(caller, agentLeg(caller), member(), holdSeconds).forEach(asterisk::event);
        awaitRecord(caller.uniqueId(), "endedAt");
        return caller.uniqueId();
    }

    /** A caller from {@code phone} is answered by an agent after {@code holdSeconds}. */
    static String answered(FakeAsterisk asterisk, String phone, long holdSeconds) {
        Channel caller = caller(phone);
        AmiEvents.answeredCall(caller, agentLeg(caller), member(), holdSeconds, 60).forEach(asterisk::event);
        awaitRecord(caller.uniqueId(), "endedAt");
        return caller.uniqueId();
    }

    /** The open entry of {@code phone} once the scan has put it on the list. */
    public static JsonPath awaitEntry(String phone) {
        return await("the callback list has " + phone).atMost(ofSeconds(20)).until(() -> entry(phone),
                entry -> entry != null);
    }

    /** The open entry of {@code phone}, or {@code null}. */
    public static JsonPath entry(String phone) {
        List<Map<String, Object>> open = as("supervisor").queryParam("limit", 500).get("/api/telephony/missed-calls")
                .then().statusCode(200).extract().path("");
        return open.stream().filter(e -> phone.equals(e.get("callerNumber"))).findFirst()
                .map(e -> new JsonPath(as("supervisor").get("/api/telephony/missed-calls/" + e.get("id")).then()
                        .statusCode(200).extract().asString()))
                .orElse(null);
    }

    /**
     * Empties the list of what is due in {@code username}'s queues, left by tests before: each entry is taken and
     * recorded as a wrong number, so that the next one taken is the test's own.
     */
    public static void drain(String username) {
        for (int i = 0; i < 200; i++) {
            Response next = as(username).post("/api/telephony/missed-calls/next");
            if (next.statusCode() == 204) {
                return;
            }
            long id = next.then().statusCode(202).extract().jsonPath().getLong("missedCall.id");
            as(username).body(Map.of("outcome", "WRONG_NUMBER")).post("/api/telephony/missed-calls/" + id
                    + "/outcome").then().statusCode(200);
        }
        throw new AssertionError("the callback list did not empty");
    }

    /**
     * Takes entries for {@code username} until {@code id} is the one taken, recording the others (left by tests
     * before, and due again now) as wrong numbers.
     */
    static JsonPath takeUntil(String username, long id) {
        for (int i = 0; i < 200; i++) {
            JsonPath taken = as(username).post("/api/telephony/missed-calls/next").then().statusCode(202).extract()
                    .jsonPath();
            if (taken.getLong("missedCall.id") == id) {
                return taken;
            }
            as(username).body(Map.of("outcome", "WRONG_NUMBER")).post("/api/telephony/missed-calls/"
                    + taken.getLong("missedCall.id") + "/outcome").then().statusCode(200);
        }
        throw new AssertionError("entry " + id + " was never taken");
    }

    private static void awaitRecord(String callId, String field) {
        await("call " + callId + " recorded with " + field).atMost(ofSeconds(20)).until(() -> {
            Response call = as("supervisor").get("/api/telephony/calls/" + callId);
            return call.statusCode() == 200 ? call.jsonPath().getString(field) : null;
        }, recorded -> recorded != null);
    }

    private static Channel caller(String phone) {
        return Channel.caller("PJSIP/carrier-" + CALLS.incrementAndGet(), callId(), phone);
    }

    private static Channel agentLeg(Channel caller) {
        return Channel.agent("PJSIP/1190-" + CALLS.incrementAndGet(), callId(), caller);
    }

    private static Member member() {
        return new Member("hotline", "PJSIP/1190", "nobody");
    }

    private static String callId() {
        return "1795000000." + CALLS.incrementAndGet() + ThreadLocalRandom.current().nextInt(1000, 9999);
    }
}
