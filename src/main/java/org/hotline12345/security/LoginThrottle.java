package org.hotline12345.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Locks a username for a while after repeated failed logins (登录失败处理, as 等保 requires), so that passwords cannot
 * be guessed. Failures and locks live in PostgreSQL, so a lock holds on every instance and survives restarts; each
 * instance mirrors the current locks in memory, so that the lock is checked before anything else without a query,
 * and {@link AccountEvents} brings a new lock to every instance's mirror at once.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    /** No user has a longer name (app_user.username), so failures of longer ones need no record: they always fail. */
    private static final int LONGEST_USERNAME = 40;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    AccountEvents events;

    /** Username → locked until, as the database said when this instance last heard of it. */
    private final Map<String, Instant> locks = new ConcurrentHashMap<>();

    /** Whether the username is locked; never blocks. */
    public boolean isLocked(String username) {
        Instant until = locks.get(username);
        return until != null && clock.instant().isBefore(until);
    }

    /** Counts a failed login; the one that reaches the limit locks the username everywhere. */
    void recordFailure(String username) {
        if (username.length() > LONGEST_USERNAME) {
            return;
        }
        Instant now = clock.instant();
        Instant lockedUntil = null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into login_failure as f (username, failures, locked_until, last_failure_at)
                        values (?, 1, case when ? <= 1 then ?::timestamptz end, ?)
                        on conflict (username) do update set
                            failures = case when f.locked_until <= excluded.last_failure_at
                                             or f.last_failure_at < ?::timestamptz then 1 else f.failures + 1 end,
                            locked_until = case when (case when f.locked_until <= excluded.last_failure_at
                                                           or f.last_failure_at < ?::timestamptz then 1
                                                           else f.failures + 1 end) >= ?
                                                then ?::timestamptz end,
                            last_failure_at = excluded.last_failure_at
                        returning locked_until""")) {
            Timestamp until = Timestamp.from(now.plus(config.lockout()));
            Timestamp staleBefore = Timestamp.from(now.minus(config.lockout()));
            upsert.setString(1, username);
            upsert.setInt(2, config.maxFailedLogins());
            upsert.setTimestamp(3, until);
            upsert.setTimestamp(4, Timestamp.from(now));
            upsert.setTimestamp(5, staleBefore);
            upsert.setTimestamp(6, staleBefore);
            upsert.setInt(7, config.maxFailedLogins());
            upsert.setTimestamp(8, until);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                Timestamp locked = row.getTimestamp(1);
                lockedUntil = locked == null ? null : locked.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a failed login", e);
        }
        if (lockedUntil != null) {
            LOG.warnf("Locked username %s until %s after %d failed logins", username, lockedUntil,
                    config.maxFailedLogins());
            locks.put(username, lockedUntil);
            events.changed(username);
        }
    }

    /** A successful login starts the count again. */
    void recordSuccess(String username) {
        delete(username);
    }

    /** Lets an administrator lift a lock, e.g. after resetting the password (the caller announces the change). */
    void unlock(String username) {
        delete(username);
        locks.remove(username);
    }

    /** Reads the username's lock again, after another instance announced a change. */
    void reload(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select locked_until from login_failure where username = ? and locked_until > ?")) {
            query.setString(1, username);
            query.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    locks.put(username, row.getTimestamp(1).toInstant());
                } else {
                    locks.remove(username);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the lock of " + username, e);
        }
    }

    /** Reads every current lock, at start-up and after announcements may have been missed. */
    void reloadAll() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select username, locked_until from login_failure where locked_until > ?")) {
            query.setTimestamp(1, Timestamp.from(clock.instant()));
            Map<String, Instant> current = new ConcurrentHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    current.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
            locks.keySet().retainAll(current.keySet());
            locks.putAll(current);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the login locks", e);
        }
    }

    /** Forgets failures that no longer count and locks that ended. */
    @Scheduled(identity = "login-failure-purge", every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        delete from login_failure
                        where last_failure_at < ? and (locked_until is null or locked_until < ?)""")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.lockout())));
            delete.setTimestamp(2, Timestamp.from(now));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge old failed logins", e);
        }
        locks.values().removeIf(until -> !now.isBefore(until));
    }

    private void delete(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from login_failure where username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear the failed logins of " + username, e);
        }
    }
}
