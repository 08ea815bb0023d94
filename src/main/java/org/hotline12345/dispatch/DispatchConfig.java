package org.hotline12345.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.dispatch")
public interface DispatchConfig {

    /**
     * Whether a work order registered without departments is dispatched automatically when the service is sure; until
     * an administrator changes it on 派单设置 (/admin/dispatch).
     */
    @WithDefault("true")
    boolean autoDispatch();

    /**
     * The confidence (0.5..1) a suggestion needs to be dispatched without the agent; until an administrator changes it.
     */
    @WithDefault("0.9")
    double autoDispatchThreshold();

    /** Weight of the responsibility list in a department's confidence; the department model has the rest. */
    @WithDefault("0.7")
    double ruleWeight();

    /** When the models are retrained from the latest closed work orders (Quartz cron, in the city's zone). */
    @WithDefault("0 30 2 * * ?")
    String retrainCron();

    /** How often an instance looks for a model another instance trained. */
    @WithDefault("60s")
    String modelRefreshEvery();

    /** Fewest examples a model is trained on; below, the service suggests from the responsibility list alone. */
    @WithDefault("30")
    int minimumExamples();
}
