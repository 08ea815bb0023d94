package org.hotline12345.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.intake")
public interface IntakeConfig {

    /** The first answer to an online request (the receipt SMS) is due within this (GB/T 33358-2016: 3 minutes). */
    @WithDefault("PT3M")
    Duration receiptTarget();

    /** The same phone submitting the same title and content again within this is the same request, not stored twice. */
    @WithDefault("PT10M")
    Duration duplicateWindow();
}
