package org.hotline12345.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value loaded on first use and again once it is older than a maximum age or invalidated, for small reference data
 * (departments, categories) that every request reads and other instances may change.
 */
public final class RefreshingValue<T> {

    private record Loaded<T>(T value, long loadedAt) {
    }

    private final Supplier<T> loader;
    private final long maxAgeNanos;
    private volatile Loaded<T> loaded;

    public RefreshingValue(Duration maxAge, Supplier<T> loader) {
        this.loader = loader;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public T get() {
        Loaded<T> current = loaded;
        if (current == null || System.nanoTime() - current.loadedAt() > maxAgeNanos) {
            current = new Loaded<>(loader.get(), System.nanoTime());
            loaded = current;
        }
        return current.value();
    }

    public void invalidate() {
        loaded = null;
    }
}
