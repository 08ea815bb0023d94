package org.hotline12345.observability;

import java.time.Duration;
import java.util.Arrays;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the HTTP timings around the pages' target (p95 under 150 ms), so that Prometheus can compute
 * percentiles per path across instances; a few fixed buckets rather than Micrometer's full histogram keep the series
 * per path few.
 */
public class HttpLatencyBuckets {

    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(150), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                // a timer's buckets are in its base unit, nanoseconds
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.stream(BUCKETS).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }
}
