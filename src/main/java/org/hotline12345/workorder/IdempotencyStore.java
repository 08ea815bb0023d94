package org.hotline12345.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Remembers which work order an {@code Idempotency-Key} created, per user, so that a retried registration returns the
 * first result instead of registering twice. Keys are kept for {@link WorkOrderConfig#idempotencyRetention()}.
 */
@ApplicationScoped
public class IdempotencyStore {

    static final String PRIMARY_KEY = "idempotency_record_pkey";

    /** What a key was first used for. */
    public record Remembered(String requestHash, String workOrderNumber) {
    }

    /** Another registration with the same key committed first. */
    static class KeyTakenException extends RuntimeException {
        KeyTakenException(Throwable cause) {
            super(cause);
        }
    }

    @Inject
    EntityManager entityManager;

    public Optional<Remembered> find(String username, String key) {
        List<?> rows = entityManager.createNativeQuery("""
                select request_hash, work_order_number from idempotency_record
                where username = ?1 and idempotency_key = ?2""")
                .setParameter(1, username).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Remembered((String) columns[0], (String) columns[1]);
        });
    }

    /**
     * Records the key in the current transaction.
     *
     * @throws KeyTakenException when a concurrent registration with the same key committed first; the transaction
     *         must then roll back
     */
    void remember(String username, String key, String requestHash, String workOrderNumber, Instant now) {
        try {
            entityManager
                    .createNativeQuery(
                            """
                                    insert into idempotency_record (username, idempotency_key, request_hash, work_order_number, created_at)
                                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, username).setParameter(2, key).setParameter(3, requestHash)
                    .setParameter(4, workOrderNumber).setParameter(5, now).executeUpdate();
        } catch (PersistenceException e) {
            if (violates(e, PRIMARY_KEY)) {
                throw new KeyTakenException(e);
            }
            throw e;
        }
    }

    private static boolean violates(Throwable error, String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** Forgets keys older than {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return entityManager.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
