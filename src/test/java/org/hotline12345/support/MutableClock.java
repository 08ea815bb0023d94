package org.hotline12345.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * Replaces the service's clock in tests: system time by default, a chosen instant that tests move by hand, or system
 * time shifted to start from a chosen instant. Tests that set it must {@link #reset()} it.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant fixed;
    private volatile Duration shift = Duration.ZERO;

    public void set(Instant instant) {
        fixed = instant;
    }

    /** Runs on from {@code start} as time passes: for what must happen at a time of day, whenever the suite runs. */
    public void runFrom(Instant start) {
        fixed = null;
        shift = Duration.between(Instant.now(), start);
    }

    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    public void reset() {
        fixed = null;
        shift = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant current = fixed;
        return current != null ? current : Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC instants");
    }
}
