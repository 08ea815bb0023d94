package org.hotline12345.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** Spacing is the rule itself (the SMSC refuses more a second), not a speed target. */
    @Test
    void permitsAreSpacedByTheRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(50);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            limiter.acquire();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(390);
    }
}
