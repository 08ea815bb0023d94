package org.hotline12345.telephony;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotline12345.support.Api.as;

import java.util.List;
import java.util.Map;

import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Asterisk is down when the service starts: the service starts anyway and keeps logging in with a growing wait
 * (Asterisk-Java itself only reconnects connections that once succeeded).
 */
@QuarkusTest
@TestProfile(AsteriskStartsLaterTest.DownAtStart.class)
class AsteriskStartsLaterTest extends DatabaseTest {

    public static class DownAtStart implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeAsteriskResource.class,
                    Map.of(FakeAsteriskResource.DOWN_AT_START, "true")));
        }
    }

    @Test
    void theServiceConnectsOnceAsteriskComesUp() throws Exception {
        await("a failed attempt noted").atMost(ofSeconds(20)).until(() -> status().get("lastError") != null);
        assertThat(status().get("connected")).isEqualTo(false);
        as("agent").get("/q/health/group/telephony").then().statusCode(503).body("status", equalTo("DOWN"));
        as("agent").get("/q/health/ready").then().statusCode(200);

        FakeAsteriskResource.asterisk().setRefuseConnections(false);
        await("logged in after Asterisk came up").atMost(ofSeconds(20))
                .until(() -> Boolean.TRUE.equals(status().get("connected")));
        assertThat(status()).containsEntry("asteriskVersion", "Asterisk 22").containsEntry("lastError", null);
        as("agent").get("/q/health/group/telephony").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static Map<String, Object> status() {
        return as("supervisor").get("/api/telephony/status").then().statusCode(200).extract().path("");
    }
}
