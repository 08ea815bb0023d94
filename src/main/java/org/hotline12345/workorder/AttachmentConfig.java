package org.hotline12345.workorder;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.attachments")
public interface AttachmentConfig {

    /** Where new files are kept; files already kept are read from where they are, whatever this says. */
    enum Store {
        /** In PostgreSQL: every instance on the database serves every file. */
        DATABASE,
        /** In {@link #directory()}: one instance, or several that share that directory (a shared volume). */
        FILESYSTEM
    }

    /** Where new files are kept: {@code database} (the default, for any number of instances) or {@code filesystem}. */
    @WithDefault("database")
    Store store();

    /** Where attached files are kept with {@code store=filesystem}, each under a random name. */
    @WithDefault("data/attachments")
    Path directory();

    /** Largest file accepted, in bytes (the HTTP body limit must allow it). */
    @WithDefault("10485760")
    long maxSize();

    /** Most files one work order may carry. */
    @WithDefault("10")
    int maxPerWorkOrder();
}
