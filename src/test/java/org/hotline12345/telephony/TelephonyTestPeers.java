package org.hotline12345.telephony;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.hotline12345.support.Api.as;

import org.hotline12345.telephony.peer.AmiEvents;
import org.hotline12345.telephony.peer.AmiEvents.Member;
import org.hotline12345.telephony.peer.FakeAsterisk;

/** The peers of a service running with {@link TelephonyProfile}, for tests in any package. */
public final class TelephonyTestPeers {

    private TelephonyTestPeers() {
    }

    /**
     * The simulated Asterisk, reset and answering queue actions with the member events Asterisk raises for them, once
     * the service is connected to it.
     */
    public static FakeAsterisk actingOnQueueActions() {
        FakeAsterisk asterisk = FakeAsteriskResource.asterisk();
        asterisk.reset();
        asterisk.afterAction("QueueAdd", action -> asterisk.event(AmiEvents.queueMemberAdded(
                new Member(action.get("Queue"), action.get("Interface"), action.get("MemberName")))));
        asterisk.afterAction("QueueRemove", action -> asterisk.event(AmiEvents.queueMemberRemoved(
                new Member(action.get("Queue"), action.get("Interface"), ""))));
        asterisk.afterAction("QueuePause", action -> asterisk.event(AmiEvents.queueMemberPause(
                new Member("hotline", action.get("Interface"), ""), "true".equals(action.get("Paused")),
                action.get("Reason") == null ? "" : action.get("Reason"))));
        await("connected to Asterisk").atMost(ofSeconds(20))
                .until(() -> Boolean.TRUE.equals(as("supervisor").get("/api/telephony/status")
                        .then().statusCode(200).extract().path("connected")));
        return asterisk;
    }

    /** The port the service's FastAGI server listens on. */
    public static int agiPort() {
        return FakeAsteriskResource.agiPort();
    }
}
