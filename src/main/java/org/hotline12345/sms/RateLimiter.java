package org.hotline12345.sms;

/**
 * At most {@code perSecond} permits a second, spaced evenly (a permit every 1/perSecond s, no burst after idling, so
 * that no second ever holds more than the SMSC allows), shared by the threads that submit to it.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long next;

    RateLimiter(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 a second, was " + perSecond);
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.next = System.nanoTime();
    }

    /** Waits until the next permit is due and takes it. */
    void acquire() throws InterruptedException {
        long due;
        synchronized (this) {
            long now = System.nanoTime();
            next = Math.max(next, now);
            due = next;
            next += intervalNanos;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
