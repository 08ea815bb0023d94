package org.hotline12345.deadline;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the scheduler turned on, the jobs live in the Quartz JDBC store and the supervision job raises cards. */
@QuarkusTest
@TestProfile(ScheduledJobsTest.SchedulerOn.class)
class ScheduledJobsTest extends DatabaseTest {

    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true", "hotline.supervision.every", "1s");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theJobsAreStoredInTheSharedJobStore() {
        @SuppressWarnings("unchecked")
        List<String> triggers = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select trigger_name from qrtz_triggers").getResultList());
        assertThat(triggers).contains("deadline-supervision", "deadline-digest", "notification-outbound",
                "idempotency-purge", "hotspot-pass");
    }

    @Test
    void theSupervisionJobRaisesCardsOnItsOwn() {
        String number = Api.registerDispatched("HOUSING");
        clock.set(clock.instant().plus(Duration.ofDays(30)));
        await("the escalation in the history").atMost(ofSeconds(20)).until(() -> Api.as("supervisor")
                .get("/api/work-orders/" + number + "/history").then().extract().<List<String>> path("type"),
                types -> types.contains("ESCALATED"));
    }
}
