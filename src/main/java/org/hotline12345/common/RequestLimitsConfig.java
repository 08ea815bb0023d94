package org.hotline12345.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.request-limits")
public interface RequestLimitsConfig {

    /**
     * Longest request address (path and query, percent-encoded) in characters; a longer one is a 414 problem document.
     * The default takes a knowledge search for a question of about 3,500 Chinese characters.
     */
    @WithDefault("32768")
    int maxUriLength();
}
