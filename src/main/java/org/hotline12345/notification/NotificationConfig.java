package org.hotline12345.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.notification")
public interface NotificationConfig {

    /** How often stored notifications are handed to the outbound channel (SMS and the like). */
    @WithDefault("10s")
    String outboundEvery();
}
