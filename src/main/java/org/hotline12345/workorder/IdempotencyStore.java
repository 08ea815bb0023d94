package org.hotline12345.workorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Remembers which work order an {@code Idempotency-Key} created, per user, so that a retried registration returns the
 * first result instead of registering twice. Keys are kept for {@link WorkOrderConfig#idempotencyRetention()}.
 */
@ApplicationScoped
public class IdempotencyStore implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

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

    /** A registration's claim on its key, made in the transaction that writes its work order. */
    public record Claim(String username, String key, String requestHash, String workOrderNumber, Instant createdAt) {
    }

    /**
     * Claims the keys of registrations written together, in one batch; {@code null} stands for a registration
     * without a key. A key claimed before, by a transaction committed meanwhile or earlier in this batch, is not
     * claimed again: its registration is a retry. The work order a claim names is checked at commit, once written.
     *
     * @return per registration, whether it may be written
     */
    public boolean[] claim(List<Claim> claims) {
        boolean[] claimed = new boolean[claims.size()];
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into idempotency_record (username, idempotency_key, request_hash, work_order_number,"
                                + " created_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            List<Integer> keyed = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                if (claim == null) {
                    claimed[i] = true;
                    continue;
                }
                insert.setString(1, claim.username());
                insert.setString(2, claim.key());
                insert.setString(3, claim.requestHash());
                insert.setString(4, claim.workOrderNumber());
                insert.setTimestamp(5, Timestamp.from(claim.createdAt()));
                insert.addBatch();
                keyed.add(i);
            }
            if (!keyed.isEmpty()) {
                int[] inserted = insert.executeBatch();
                for (int k = 0; k < keyed.size(); k++) {
                    claimed[keyed.get(k)] = inserted[k] == 1;
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim Idempotency-Keys", e);
        }
    }

    /** Forgets keys older than {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return (int) delete("createdAt < ?1", cutoff);
    }
}
