package org.hotline12345.telephony;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between reconnection attempts: doubling from the minimum up to the maximum, each wait shortened by up to a
 * fifth at random, so that several services restarted together do not knock on Asterisk in step.
 */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;
    private Duration next;

    /** @param random values in [0, 1) */
    public Backoff(Duration min, Duration max, DoubleSupplier random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.random = random;
        this.next = min;
    }

    public synchronized Duration next() {
        Duration wait = next;
        next = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
        long jitter = (long) (wait.toMillis() * 0.2 * random.getAsDouble());
        return wait.minusMillis(jitter);
    }

    public synchronized void reset() {
        next = min;
    }
}
