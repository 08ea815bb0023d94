package org.hotline12345.calendar;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.calendar")
public interface CalendarConfig {

    /** Time zone of the city; working dates start and end at its midnight. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * Further holiday files in the format of calendar/holidays-cn.txt, e.g. next year's schedule before a release ships
     * it.
     */
    Optional<List<Path>> extraFiles();

    /** Health turns to warning when the holiday schedule does not cover this far ahead. */
    @WithDefault("P60D")
    Duration coverageHorizon();

    /**
     * How often each instance reads the years administrators maintain, so that a year saved on another instance is
     * in use here at the latest this much later (the instance that saved uses it at once).
     */
    @WithDefault("PT1M")
    Duration refreshEvery();
}
