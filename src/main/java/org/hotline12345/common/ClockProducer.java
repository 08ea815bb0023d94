package org.hotline12345.common;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The service's time source; tests replace it to put the service at a chosen instant. It ticks in microseconds, the
 * precision PostgreSQL keeps, so that an instant read back from the database equals the one written.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
