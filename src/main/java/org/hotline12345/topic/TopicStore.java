package org.hotline12345.topic;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** The topic table: what each monthly topic looks into, and its conclusion once closed. */
@ApplicationScoped
public class TopicStore {

    /**
     * A stored topic.
     *
     * @param categoryCodes as the supervisor chose them, without their sub-categories
     * @param district null for the whole city; {@code street} null for the whole district
     */
    public record Topic(long id, String title, String month, List<String> categoryCodes, List<String> keywords,
            String district, String street, LocalDate from, LocalDate to, TopicStatus status, String conclusion,
            String openedBy, String openedByName, Instant openedAt, String closedBy, String closedByName,
            Instant closedAt) {
    }

    private static final String COLUMNS = "id, title, month, category_codes, keywords, district, street, period_from,"
            + " period_to, status, conclusion, opened_by, opened_by_name, opened_at, closed_by, closed_by_name, closed_at";

    @Inject
    EntityManager entityManager;

    /** Stores an open topic; its id. */
    @Transactional
    public long open(String title, String month, List<String> categoryCodes, List<String> keywords, String district,
            String street, LocalDate from, LocalDate to, String openedBy, String openedByName, Instant now) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into topic (title, month, category_codes, keywords, district, street, period_from,
                      period_to, status, opened_by, opened_by_name, opened_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) returning id""")) {
                int i = 0;
                insert.setString(++i, title);
                insert.setString(++i, month);
                insert.setArray(++i, connection.createArrayOf("text", categoryCodes.toArray()));
                insert.setArray(++i, connection.createArrayOf("text", keywords.toArray()));
                insert.setString(++i, district);
                insert.setString(++i, street);
                insert.setDate(++i, Date.valueOf(from));
                insert.setDate(++i, Date.valueOf(to));
                insert.setString(++i, openedBy);
                insert.setString(++i, openedByName);
                insert.setTimestamp(++i, Timestamp.from(now));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** Closes an open topic with its conclusion; whether it was open. */
    @Transactional
    public boolean close(long id, String conclusion, String closedBy, String closedByName, Instant now) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update topic set status = 'CLOSED', conclusion = ?, closed_by = ?, closed_by_name = ?,
                      closed_at = ?
                    where id = ? and status = 'OPEN'""")) {
                update.setString(1, conclusion);
                update.setString(2, closedBy);
                update.setString(3, closedByName);
                update.setTimestamp(4, Timestamp.from(now));
                update.setLong(5, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Transactional
    public Optional<Topic> find(long id) {
        List<Topic> found = select(" where id = ?", id, 1);
        return found.stream().findFirst();
    }

    /** The topics, the latest month first. */
    @Transactional
    public List<Topic> list(int limit) {
        return select("", null, limit);
    }

    private List<Topic> select(String where, Long id, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from topic" + where + " order by month desc, id desc limit ?")) {
                int i = 0;
                if (id != null) {
                    select.setLong(++i, id);
                }
                select.setInt(++i, limit);
                List<Topic> topics = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        topics.add(new Topic(rows.getLong(1), rows.getString(2), rows.getString(3),
                                strings(rows.getArray(4)), strings(rows.getArray(5)), rows.getString(6),
                                rows.getString(7), rows.getDate(8).toLocalDate(), rows.getDate(9).toLocalDate(),
                                TopicStatus.valueOf(rows.getString(10)), rows.getString(11), rows.getString(12),
                                rows.getString(13), rows.getTimestamp(14).toInstant(), rows.getString(15),
                                rows.getString(16),
                                rows.getTimestamp(17) == null ? null : rows.getTimestamp(17).toInstant()));
                    }
                }
                return topics;
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
