package org.hotline12345.deadline;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.support.Api;
import org.hotline12345.support.DatabaseTest;
import org.hotline12345.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The jobs live in the Quartz JDBC store, and once the scheduler runs the supervision job raises cards on its own. The
 * tests' start holds the scheduler (no trigger fires while other tests move the clock); these tests let it run.
 */
@QuarkusTest
class ScheduledJobsTest extends DatabaseTest {

    @Inject
    EntityManager entityManager;

    @Inject
    MutableClock clock;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void runTheScheduler() {
        scheduler.resume();
    }

    @AfterEach
    void holdTheSchedulerAndResetClock() {
        scheduler.pause();
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
