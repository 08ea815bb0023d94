package org.hotline12345.workorder;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.attachments")
public interface AttachmentConfig {

    /** Where attached files are kept, each under a random name. */
    @WithDefault("data/attachments")
    Path directory();

    /** Largest file accepted, in bytes (the HTTP body limit must allow it). */
    @WithDefault("10485760")
    long maxSize();

    /** Most files one work order may carry. */
    @WithDefault("10")
    int maxPerWorkOrder();
}
