package org.hotline12345.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline12345.stats.Rates.Rate;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.Satisfaction;
import org.hotline12345.workorder.ScorecardReads.Step;
import org.hotline12345.workorder.ServiceRating;
import org.junit.jupiter.api.Test;

/** Each indicator's definition, replayed from histories written by hand. */
class CaseReplayTest {

    private static final Instant START = Instant.parse("2023-05-31T16:00:00Z");
    private static final Instant END = Instant.parse("2023-06-30T16:00:00Z");
    private static final Instant T0 = Instant.parse("2023-06-05T02:00:00Z");
    private static final Instant NOW = Instant.parse("2023-08-01T02:00:00Z");

    private final List<Step> steps = new ArrayList<>();

    private void step(long id, EventType type, Duration after, Map<String, Object> details) {
        steps.add(new Step(id, "N" + id, "工单" + id, type, T0.plus(after), null, details));
    }

    private void dispatch(long id, EventType type, String department, Duration after) {
        step(id, type, after, Map.of("leadDepartment", department, "acceptDeadline",
                T0.plus(after).plus(Duration.ofHours(2)).toString(), "replyDeadline",
                T0.plus(after).plus(Duration.ofDays(5)).toString()));
    }

    private List<DepartmentCase> cases() {
        return CaseReplay.cases(steps, START, END, NOW);
    }

    private DepartmentCase only(String department) {
        return cases().stream().filter(c -> c.departmentCode().equals(department)).findFirst().orElseThrow();
    }

    @Test
    void acceptanceAndReplyCountAgainstTheDeadlinesInForce() {
        dispatch(1, EventType.DISPATCHED, "HOUSING", Duration.ZERO);
        step(1, EventType.ACCEPTED, Duration.ofHours(3), Map.of());
        // the extension moves the reply deadline: the reply on day 7 is on time
        step(1, EventType.EXTENSION_APPROVED, Duration.ofDays(4), Map.of("replyDeadline",
                T0.plus(Duration.ofDays(8)).toString()));
        step(1, EventType.REPLIED, Duration.ofDays(7), Map.of());
        DepartmentCase c = only("HOUSING");
        assertThat(c.acceptedOnTime()).isFalse();
        assertThat(c.repliedOnTime()).isTrue();
        assertThat(c.counts(Indicator.REOPENED)).isFalse();
    }

    @Test
    void anApprovedReturnCountsForTheReturningDepartmentAndTheNextIsMeasuredOnItsOwn() {
        dispatch(2, EventType.DISPATCHED, "HOUSING", Duration.ZERO);
        step(2, EventType.RETURN_APPROVED, Duration.ofHours(1), Map.of());
        dispatch(2, EventType.REDISPATCHED, "SAMR", Duration.ofHours(4));
        step(2, EventType.ACCEPTED, Duration.ofHours(5), Map.of());
        step(2, EventType.REPLIED, Duration.ofDays(1), Map.of());
        step(2, EventType.REPLY_REJECTED, Duration.ofDays(2), Map.of("acceptDeadline",
                T0.plus(Duration.ofDays(3)).toString(), "replyDeadline", T0.plus(Duration.ofDays(7)).toString()));
        step(2, EventType.REPLIED, Duration.ofDays(3), Map.of());
        step(2, EventType.CALLBACK_RECORDED, Duration.ofDays(4),
                Map.of("reached", true, "resolved", false, "satisfaction", "BASICALLY_SATISFIED"));
        DepartmentCase housing = only("HOUSING");
        assertThat(housing.returned()).isTrue();
        // returned before the accept deadline, unaccepted: not in the acceptance and reply bases
        assertThat(housing.acceptedOnTime()).isNull();
        assertThat(housing.repliedOnTime()).isNull();
        assertThat(housing.satisfaction()).isNull();
        DepartmentCase samr = only("SAMR");
        assertThat(samr.returned()).isFalse();
        assertThat(samr.acceptedOnTime()).isTrue();
        assertThat(samr.reopened()).isTrue();
        assertThat(samr.resolved()).isFalse();
        assertThat(samr.counts(Indicator.SATISFIED)).isTrue();
    }

    @Test
    void aRatingLaterThanTheCallbackReplacesItsSatisfactionAndSupervisionCounts() {
        dispatch(3, EventType.DISPATCHED, "HOUSING", Duration.ZERO);
        step(3, EventType.SUPERVISED, Duration.ofHours(1), Map.of());
        step(3, EventType.ACCEPTED, Duration.ofHours(1), Map.of());
        step(3, EventType.REPLIED, Duration.ofDays(1), Map.of());
        step(3, EventType.CALLBACK_RECORDED, Duration.ofDays(2),
                Map.of("reached", true, "resolved", true, "satisfaction", "SATISFIED"));
        step(3, EventType.SERVICE_RATED, Duration.ofDays(3), Map.of("rating", "DISSATISFIED", "channel", "WEB"));
        step(3, EventType.REOPENED_AFTER_RATING, Duration.ofDays(4), Map.of("acceptDeadline",
                T0.plus(Duration.ofDays(5)).toString(), "replyDeadline", T0.plus(Duration.ofDays(9)).toString()));
        DepartmentCase c = only("HOUSING");
        assertThat(c.rating()).isEqualTo(ServiceRating.DISSATISFIED);
        assertThat(c.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(c.counts(Indicator.SATISFIED)).isFalse();
        assertThat(c.supervised()).isTrue();
        assertThat(c.reopened()).isTrue();
        assertThat(c.resolved()).isTrue();
    }

    @Test
    void clocksStillRunningAreNotDueAndDispatchesOutsideThePeriodAreNotCounted() {
        dispatch(4, EventType.DISPATCHED, "HOUSING", Duration.ZERO);
        dispatch(5, EventType.DISPATCHED, "HOUSING", Duration.ofDays(40));
        step(6, EventType.DISPATCHED, Duration.ofDays(1), Map.of("leadDepartment", "HOUSING", "acceptDeadline",
                NOW.plus(Duration.ofHours(1)).toString(), "replyDeadline", NOW.plus(Duration.ofDays(5)).toString()));
        List<DepartmentCase> cases = cases();
        assertThat(cases).extracting(DepartmentCase::number).containsExactly("N4", "N6");
        // the one past its deadlines counts late on both; the other is not due yet
        assertThat(cases.get(0).acceptedOnTime()).isFalse();
        assertThat(cases.get(0).repliedOnTime()).isFalse();
        assertThat(cases.get(1).acceptedOnTime()).isNull();
        assertThat(cases.get(1).repliedOnTime()).isNull();

        DepartmentFigures figures = DepartmentFigures.of(cases, 2);
        assertThat(figures.volume()).isEqualTo(2);
        assertThat(figures.excluded()).isEqualTo(2);
        assertThat(figures.rate(Indicator.ACCEPTED_ON_TIME)).isEqualTo(Rate.of(0, 1));
        assertThat(figures.rate(Indicator.RETURNED)).isEqualTo(Rate.of(0, 2));
        assertThat(figures.rate(Indicator.REOPENED)).isEqualTo(Rate.of(0, 0));
    }
}
