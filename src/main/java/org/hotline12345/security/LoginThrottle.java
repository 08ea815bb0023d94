package org.hotline12345.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Locks a username for a while after repeated failed logins (登录失败处理, as 等保 requires), so that passwords cannot
 * be guessed over HTTP Basic. Kept per instance; a cluster multiplies the allowance by its size, which still bounds
 * guessing.
 */
@ApplicationScoped
public class LoginThrottle {

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    /** Beyond this many tracked usernames, entries idle for longer than a lockout are dropped. */
    private static final int TRACKED_LIMIT = 10_000;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public boolean isLocked(String username) {
        Failures current = failures.get(username);
        return current != null && current.lockedUntil() != null && clock.instant().isBefore(current.lockedUntil());
    }

    void recordFailure(String username) {
        failures.compute(username, (name, current) -> {
            Instant now = clock.instant();
            int count = current == null || current.lockedUntil() != null && !now.isBefore(current.lockedUntil())
                    ? 1
                    : current.count() + 1;
            return new Failures(count, count >= config.maxFailedLogins() ? now.plus(config.lockout()) : null, now);
        });
        if (failures.size() > TRACKED_LIMIT) {
            // guessing across many made-up usernames must not grow memory without bound
            Instant idleSince = clock.instant().minus(config.lockout());
            failures.values().removeIf(f -> f.last().isBefore(idleSince));
        }
    }

    void recordSuccess(String username) {
        failures.remove(username);
    }

    /** Lets an administrator lift a lock, e.g. after resetting the password. */
    public void unlock(String username) {
        failures.remove(username);
    }
}
