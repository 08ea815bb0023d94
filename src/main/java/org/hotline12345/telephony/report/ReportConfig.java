package org.hotline12345.telephony.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The call-centre reports (话务报表). The answer target and its share are the wallboard's (hotline.telephony.*). */
@ConfigMapping(prefix = "hotline.telephony.reports")
public interface ReportConfig {

    /** A caller gone within this of joining the queue is a short abandon, counted apart from the abandoned. */
    @WithDefault("PT5S")
    Duration shortAbandon();
}
