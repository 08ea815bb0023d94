package org.hotline12345.common;

import java.util.Map;

/**
 * An error the client can act on. {@link ProblemMapper} turns each into an {@code application/problem+json} response
 * with {@link #status()}, a stable {@link #type()} and the {@link #properties()} that explain it.
 */
public abstract class HotlineException extends RuntimeException {

    protected HotlineException(String message) {
        super(message);
    }

    public abstract int status();

    /** Short, stable slug naming the kind of problem, e.g. {@code invalid-state}. */
    public abstract String kind();

    /** Extra members of the problem document. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
