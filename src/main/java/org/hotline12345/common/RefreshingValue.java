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
        if (isFresh(current)) {
            return current.value();
        }
        synchronized (this) {
            // one thread reloads while the others wait for its result instead of querying too
            current = loaded;
            if (!isFresh(current)) {
                current = new Loaded<>(loader.get(), System.nanoTime());
                loaded = current;
            }
            return current.value();
        }
    }

    private boolean isFresh(Loaded<T> current) {
        return current != null && System.nanoTime() - current.loadedAt() <= maxAgeNanos;
    }

    public void invalidate() {
        loaded = null;
    }
}
