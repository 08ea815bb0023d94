package org.hotline12345.workorder;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.calendar.TimeLimit;

/**
 * Which limits a work order runs under. Urgency decides first (urgent: elapsed hours around the clock), then the
 * simple flag (1 working day to reply), then the request type's overrides, then the defaults.
 */
@ApplicationScoped
public class DeadlinePolicy {

    private final DeadlineConfig config;

    @Inject
    public DeadlinePolicy(DeadlineConfig config) {
        this.config = config;
    }

    public ClockLimits limitsFor(RequestType type, Urgency urgency, boolean simple) {
        Optional<DeadlineConfig.Overrides> overrides = Optional.ofNullable(config.requestType().get(type));
        DeadlineConfig.Limits defaults = config.defaults();
        if (urgency == Urgency.URGENT) {
            return new ClockLimits(
                    pick(overrides, DeadlineConfig.Overrides::acceptUrgent, defaults.acceptUrgent()),
                    pick(overrides, DeadlineConfig.Overrides::replyUrgent, defaults.replyUrgent()));
        }
        TimeLimit accept = pick(overrides, DeadlineConfig.Overrides::accept, defaults.accept());
        TimeLimit reply = simple
                ? pick(overrides, DeadlineConfig.Overrides::replySimple, defaults.replySimple())
                : pick(overrides, DeadlineConfig.Overrides::reply, defaults.reply());
        return new ClockLimits(accept, reply);
    }

    public ClockLimits limitsFor(WorkOrder order) {
        return limitsFor(order.getRequestType(), order.getUrgency(), order.isSimple());
    }

    private static TimeLimit pick(Optional<DeadlineConfig.Overrides> overrides,
            Function<DeadlineConfig.Overrides, Optional<TimeLimit>> limit, TimeLimit fallback) {
        return overrides.flatMap(limit).orElse(fallback);
    }
}
