package org.hotline12345.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what another thread makes true: events applied, records written, a connection back. */
public final class Eventually {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, WAIT, condition);
    }

    /** As {@link #until(String, BooleanSupplier)}, for what takes longer than the usual 20 s by design. */
    public static void until(String what, Duration wait, BooleanSupplier condition) {
        value(what, wait, () -> condition.getAsBoolean(), Boolean::booleanValue);
    }

    /** The first value {@code read} gives that {@code accepted} takes, asking again every 20 ms. */
    public static <T> T value(String what, Supplier<T> read, Predicate<? super T> accepted) {
        return value(what, WAIT, read, accepted);
    }

    private static <T> T value(String what, Duration wait, Supplier<T> read, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            T value = read.get();
            if (accepted.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as("%s within %s; last seen: %s", what, wait, value).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
