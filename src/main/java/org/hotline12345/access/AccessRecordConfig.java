package org.hotline12345.access;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotline.access-record")
public interface AccessRecordConfig {

    /** Longest a recorded read waits in memory before it is written (reads are written in batches, off the request). */
    @WithDefault("PT0.2S")
    Duration flushEvery();

    /** Most reads written in one statement batch. */
    @WithDefault("500")
    int batchSize();

    /**
     * Most reads held in memory while the database cannot take them; beyond it, a request that would show citizen
     * details waits up to {@link #bufferWait()} and is then refused with 503, rather than shown unrecorded.
     */
    @WithDefault("100000")
    int buffer();

    /** How long a request waits for room in a full buffer. */
    @WithDefault("PT2S")
    Duration bufferWait();
}
