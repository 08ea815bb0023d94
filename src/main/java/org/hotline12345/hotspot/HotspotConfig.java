package org.hotline12345.hotspot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** 热点 (未诉先办): how often the hotspot pass runs, what it compares and when a count or a group of texts stands out. */
@ConfigMapping(prefix = "hotline.hotspot")
public interface HotspotConfig {

    /** How often the hotspot pass runs (a clustered Quartz job: one instance at a time). */
    @WithDefault("15m")
    String every();

    /**
     * The windows counted up to now (the last hours, the last day); each is compared with the same hours of past weeks.
     */
    @WithDefault("PT6H,P1D")
    List<Duration> windows();

    /** Previous weeks whose same weekday and hours make a count's history (its expected count is their mean). */
    @WithDefault("8")
    int weeks();

    /** A count stands out when P(X ≥ count) under Poisson(expected) is below this (one-sided upper test). */
    @WithDefault("0.001")
    double alpha();

    /** Fewer requests than this in a window are never a hotspot, however quiet the history. */
    @WithDefault("5")
    int minimumCount();

    /** The expected count is never taken below this, so that a first occurrence is weighed rather than certain. */
    @WithDefault("0.5")
    double minimumExpected();

    /** The window whose requests are grouped by similar text, whatever their category. */
    @WithDefault("P1D")
    Duration clusterWindow();

    /** Least similarity (cosine of character bigram sets, 0 to 1) that puts two requests in one group (single link). */
    @WithDefault("0.5")
    double clusterSimilarity();

    /** Requests a group of similar texts needs to be a hotspot. */
    @WithDefault("5")
    int clusterSize();

    /** The longest period before and after a proactive work order whose requests are compared to follow its effect. */
    @WithDefault("P30D")
    Duration effectPeriod();

    /** The contact number a proactive work order gives: the hotline's own office, as no citizen called. */
    @WithDefault("0571-87012345")
    String contactPhone();

    /**
     * A GeoJSON file of the city's districts and streets for the supervisors' map (区域分布): one feature per district
     * ({@code level: district}) and per street ({@code level: street}, with its {@code district}), named as the areas
     * are; unset, the demo city's made-up boundaries.
     */
    Optional<String> mapFile();
}
