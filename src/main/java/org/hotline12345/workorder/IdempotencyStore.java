package org.hotline12345.workorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Remembers which work order an {@code Idempotency-Key} created, per user, so that a retried registration returns the
 * first result instead of registering twice. Keys are kept for {@link WorkOrderConfig#idempotencyRetention()}.
 */
@ApplicationScoped
public class IdempotencyStore implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    static final String PRIMARY_KEY = "idempotency_record_pkey";

    /** What a key was first used for. */
    public record Remembered(String requestHash, String workOrderNumber) {
    }

    @Inject
    DataSource dataSource;

    /** A single autocommit query, without a transaction or a persistence context: it runs on every registration. */
    public Optional<Remembered> find(String username, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select request_hash, work_order_number from idempotency_record"
                                + " where username = ? and idempotency_key = ?")) {
            query.setString(1, username);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Remembered(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up an Idempotency-Key", e);
        }
    }

    /** Whether a failed registration failed because a concurrent one with the same key committed first. */
    static boolean isKeyTaken(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && PRIMARY_KEY.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** Forgets keys older than {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return (int) delete("createdAt < ?1", cutoff);
    }
}
