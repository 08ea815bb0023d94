package org.hotline12345.duplicate;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** 重复件 and 一人多诉: which earlier work orders the registration offers as the same matter, and what counts as many. */
@ConfigMapping(prefix = "hotline.duplicate")
public interface DuplicateConfig {

    /**
     * How far back an earlier work order is offered (the same phone, place or enterprise), and the window in which one
     * phone's work orders count towards 一人多诉.
     */
    @WithDefault("P30D")
    Duration window();

    /**
     * Least similarity (cosine of the character bigram sets of title and content, 0 to 1) for a work order at the same
     * place, in the same category, to be offered as the same matter; measured in docs/insight.md.
     */
    @WithDefault("0.4")
    double similarity();

    /** Most work orders offered at once. */
    @WithDefault("5")
    int offered();

    /** Most earlier work orders of the same phone, place or enterprise compared with the request. */
    @WithDefault("200")
    int compared();

    /** Work orders of one phone number within the window, the new one included, that make 一人多诉. */
    @WithDefault("3")
    int multipleRequests();
}
