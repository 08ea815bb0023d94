package org.hotline12345.deadline;

import org.hotline12345.calendar.TimeLimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.supervision")
public interface SupervisionConfig {

    /** How often the supervision pass runs (a clustered Quartz job: one instance at a time). */
    @WithDefault("60s")
    String every();

    /** On limits longer than this, a clock turns yellow when less than this is left (counted as the limit counts). */
    @WithDefault("1wd")
    TimeLimit yellowMargin();

    /** On limits no longer than the margin, a clock turns yellow when less than this share of it is left. */
    @WithDefault("0.25")
    double yellowShare();

    /** A red clock is escalated to 督办 when it has been out this many working days. */
    @WithDefault("3")
    int escalateAfterWorkingDays();

    /** Work orders handled per transaction of a pass. */
    @WithDefault("500")
    int batchSize();

    /** When the daily digests go out (Quartz cron, in the city's zone); skipped on days off. */
    @WithDefault("0 0 9 * * ?")
    String digestCron();
}
