package org.hotline12345.workorder;

import java.util.Map;
import java.util.Optional;

import org.hotline12345.calendar.TimeLimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Time limits of dispatched work orders: working days such as {@code 5wd}, or elapsed time such as {@code PT24H} for
 * urgent ones that run around the clock. A request type may override any limit.
 */
@ConfigMapping(prefix = "hotline.deadline")
public interface DeadlineConfig {

    /** Limits for every request type unless {@link #requestType()} overrides them. */
    Limits defaults();

    /** Overrides per request type, e.g. {@code hotline.deadline.request-type.complaint.reply=3wd}. */
    Map<RequestType, Overrides> requestType();

    interface Limits {
        /** Time for the lead department to accept (签收) a normal work order. */
        @WithDefault("1wd")
        TimeLimit accept();

        /** Time to accept an urgent work order. */
        @WithDefault("PT30M")
        TimeLimit acceptUrgent();

        /** Time to reply to a normal work order. */
        @WithDefault("5wd")
        TimeLimit reply();

        /** Time to reply to a simple request (简易件 / 简单常见问题). */
        @WithDefault("1wd")
        TimeLimit replySimple();

        /** Time to reply to an urgent work order. */
        @WithDefault("PT24H")
        TimeLimit replyUrgent();
    }

    interface Overrides {
        /** Overrides {@link Limits#accept()}. */
        Optional<TimeLimit> accept();

        /** Overrides {@link Limits#acceptUrgent()}. */
        Optional<TimeLimit> acceptUrgent();

        /** Overrides {@link Limits#reply()}. */
        Optional<TimeLimit> reply();

        /** Overrides {@link Limits#replySimple()}. */
        Optional<TimeLimit> replySimple();

        /** Overrides {@link Limits#replyUrgent()}. */
        Optional<TimeLimit> replyUrgent();
    }
}
