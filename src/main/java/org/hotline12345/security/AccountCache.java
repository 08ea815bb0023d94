package org.hotline12345.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.user.AppUserRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signed-in users' records as sessions need them, so that a page request does not ask the database each time. An
 * entry is dropped when {@link AccountEvents} announces a change of that user from any instance, and is trusted for
 * {@link SecurityConfig#accountCacheTtl()} at most.
 */
@ApplicationScoped
public class AccountCache {

    /** What a session is checked against: who the user is now, whether they may sign in, their credential version. */
    record Account(Actor actor, boolean active, long credentialVersion) {
    }

    private record Entry(Optional<Account> account, long loadedAt) {
    }

    @Inject
    AppUserRepository users;

    @Inject
    SecurityConfig config;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The user's record if a fresh one is cached ({@code null} otherwise); never blocks. */
    Optional<Account> cached(String username) {
        Entry entry = entries.get(username);
        return entry != null && System.nanoTime() - entry.loadedAt() < config.accountCacheTtl().toNanos()
                ? entry.account()
                : null;
    }

    /** The user's record from the database; blocks. */
    Optional<Account> load(String username) {
        long loadedAt = System.nanoTime();
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username)
                .map(user -> new Account(Actor.of(user), user.isActive(), user.getCredentialVersion())));
        entries.put(username, new Entry(account, loadedAt));
        return account;
    }

    void forget(String username) {
        entries.remove(username);
    }

    void forgetAll() {
        entries.clear();
    }
}
