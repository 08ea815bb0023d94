package org.hotline12345.workorder;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.work-order")
public interface WorkOrderConfig {

    /** How long an Idempotency-Key is remembered; a retry after that registers anew. */
    @WithDefault("P1D")
    Duration idempotencyRetention();

    /** Largest page a list may ask for. */
    @WithDefault("200")
    int maxPageSize();

    /** How often expired Idempotency-Keys are purged. */
    @WithDefault("1h")
    String idempotencyPurgeEvery();

    /** Most registrations that arrive together and are written in one transaction (group commit). */
    @WithDefault("64")
    int registrationBatch();

    /**
     * How many group-commit transactions of registrations may be open at once, each written by its own thread; more
     * than one pays where the database is far away (each commit's round trip overlaps another batch's writes).
     */
    @WithDefault("1")
    int registrationWriters();
}
