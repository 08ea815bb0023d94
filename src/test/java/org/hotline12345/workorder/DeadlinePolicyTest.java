package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hotline12345.calendar.TimeLimit;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class DeadlinePolicyTest {

    static DeadlinePolicy policy(Map<String, String> properties) {
        DeadlineConfig config = new SmallRyeConfigBuilder()
                .withMapping(DeadlineConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(DeadlineConfig.class);
        return new DeadlinePolicy(config);
    }

    @Test
    void defaultsFollowTheHotlineRules() {
        DeadlinePolicy defaults = policy(Map.of());
        assertThat(defaults.limitsFor(RequestType.CONSULTATION, Urgency.NORMAL, false))
                .isEqualTo(new ClockLimits(TimeLimit.parse("1wd"), TimeLimit.parse("5wd")));
        assertThat(defaults.limitsFor(RequestType.CONSULTATION, Urgency.NORMAL, true))
                .as("simple requests reply within 1 working day")
                .isEqualTo(new ClockLimits(TimeLimit.parse("1wd"), TimeLimit.parse("1wd")));
        assertThat(defaults.limitsFor(RequestType.HELP, Urgency.URGENT, true))
                .as("urgency wins, in hours around the clock")
                .isEqualTo(new ClockLimits(TimeLimit.parse("PT30M"), TimeLimit.parse("PT24H")));
    }

    @Test
    void eachLimitIsConfigurablePerRequestType() {
        DeadlinePolicy configured = policy(Map.of(
                "hotline.deadline.defaults.reply", "7wd",
                "hotline.deadline.request-type.complaint.reply", "3wd",
                "hotline.deadline.request-type.report.reply-urgent", "PT12H",
                "hotline.deadline.request-type.report.accept", "PT2H"));
        assertThat(configured.limitsFor(RequestType.SUGGESTION, Urgency.NORMAL, false).reply())
                .isEqualTo(TimeLimit.parse("7wd"));
        assertThat(configured.limitsFor(RequestType.COMPLAINT, Urgency.NORMAL, false).reply())
                .isEqualTo(TimeLimit.parse("3wd"));
        assertThat(configured.limitsFor(RequestType.COMPLAINT, Urgency.NORMAL, true).reply())
                .as("an override of reply does not touch reply-simple").isEqualTo(TimeLimit.parse("1wd"));
        assertThat(configured.limitsFor(RequestType.REPORT, Urgency.URGENT, false))
                .isEqualTo(new ClockLimits(TimeLimit.parse("PT30M"), TimeLimit.parse("PT12H")));
        assertThat(configured.limitsFor(RequestType.REPORT, Urgency.NORMAL, false).accept())
                .isEqualTo(TimeLimit.parse("PT2H"));
    }
}
