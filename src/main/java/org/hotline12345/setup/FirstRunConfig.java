package org.hotline12345.setup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.first-run-data")
public interface FirstRunConfig {

    /**
     * Load departments, categories and one demo user per role into an empty database. On by default only with the
     * embedded database and in dev mode, never against a configured production database.
     */
    @WithDefault("false")
    boolean enabled();

    /** Password of every demo user. */
    @WithDefault("demo12345")
    String demoPassword();
}
