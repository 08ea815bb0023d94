package org.hotline12345.observability;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.metrics")
public interface MetricsConfig {

    /**
     * How often each instance recounts the business gauges that need the database (open work orders, cards, overdue
     * clocks, pending SMS and partner deliveries, knowledge index lag); a scrape reads the last counts, never the
     * database.
     */
    @WithDefault("30s")
    Duration refreshEvery();
}
