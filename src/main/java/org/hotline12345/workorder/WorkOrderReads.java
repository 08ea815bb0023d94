package org.hotline12345.workorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hotline12345.common.SqlValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The read API of the work orders for the other features: what they need to know of work orders, as records, so that
 * the work-order tables and entities stay this package's own. The static methods work on a caller's JDBC connection,
 * for the features that run plain JDBC in their own transactions (deadline supervision, the call store, the screen
 * pop); the others go through the bean.
 */
@ApplicationScoped
public class WorkOrderReads {

    /** What a list of another feature shows of a work order. */
    public record Brief(long id, String number, String title, WorkOrderStatus status) {
    }

    /**
     * A work order the lead department holds while its clocks run, with the clock that is due first.
     *
     * @param acceptClock whether the running clock is the accept (签收) one, else the reply one
     * @param holding how many work orders that department holds in all
     */
    public record HeldOrder(String departmentCode, String departmentName, String number, String title,
            WorkOrderStatus status, boolean acceptClock, Instant deadline, long holding) {
    }

    /** A closed work order's text with what it was about: the category's or the lead department's code. */
    public record ClosedText(String text, String code) {
    }

    /** A work order of a citizen's phone number, for the screen pop. */
    public record PhoneOrder(String number, WorkOrderStatus status, String title, String department,
            Instant registeredAt, Instant replyDeadline, boolean enterpriseRequest) {
    }

    /** A card or escalation the deadline supervision raised, to be kept in the work order's history. */
    public record SupervisionEvent(long workOrderId, EventType type, WorkOrderStatus status,
            Map<String, String> details) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    WorkOrderRepository workOrders;

    /** The briefs of the work orders with these ids, by id; ids of no work order are left out. */
    @Transactional
    public Map<Long, Brief> briefs(Collection<Long> ids) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> briefs(connection, ids));
    }

    /** The work order's id, for the features that keep it in their own tables. */
    @Transactional
    public Optional<Long> idOf(String number) {
        return workOrders.findByNumber(number).map(WorkOrder::getId);
    }

    /** The snapshot of the work order with this number. */
    @Transactional
    public Optional<WorkOrderSnapshot> byNumber(String number) {
        return workOrders.findByNumber(number).map(WorkOrderSnapshot::of);
    }

    /** The snapshots of the work orders with these ids, by id. */
    @Transactional
    public Map<Long, WorkOrderSnapshot> snapshots(Collection<Long> ids) {
        Map<Long, WorkOrderSnapshot> found = new HashMap<>();
        if (!ids.isEmpty()) {
            workOrders.list("id in ?1", Set.copyOf(ids)).forEach(order -> found.put(order.getId(),
                    WorkOrderSnapshot.of(order)));
        }
        return found;
    }

    /** The ids of the work orders the department was ever assigned to (lead or assisting), among these. */
    @Transactional
    public Set<Long> everAssignedTo(long departmentId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(entityManager.createQuery("select distinct a.workOrder.id from Assignment a"
                + " where a.departmentId = ?1 and a.workOrder.id in ?2", Long.class).setParameter(1, departmentId)
                .setParameter(2, Set.copyOf(ids)).getResultList());
    }

    /** The work orders the lead departments hold with their clocks running, by department name and deadline. */
    @Transactional
    public List<HeldOrder> heldByLeadDepartments(Instant now) {
        List<?> rows = entityManager.createNativeQuery("""
                select d.code, d.name, w.number, w.title, w.status,
                  coalesce(w.status = ?2 and w.accept_deadline < ?1, false),
                  case when w.status = ?2 and w.accept_deadline < ?1 then w.accept_deadline
                       else w.reply_deadline end,
                  count(*) over (partition by d.id)
                from work_order w
                join work_order_assignment a on a.work_order_id = w.id and a.ended_at is null and a.role = ?3
                join department d on d.id = a.department_id
                where w.status in (?4)
                order by d.name, 7
                """).setParameter(1, Timestamp.from(now)).setParameter(2, WorkOrderStatus.DISPATCHED.name())
                .setParameter(3, AssignmentRole.LEAD.name())
                .setParameter(4, WorkOrderStatus.names(WorkOrderStatus.CLOCK_RUNNING)).getResultList();
        List<HeldOrder> held = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            held.add(new HeldOrder((String) c[0], (String) c[1], (String) c[2], (String) c[3],
                    WorkOrderStatus.valueOf((String) c[4]), (Boolean) c[5], SqlValues.instant(c[6]),
                    ((Number) c[7]).longValue()));
        }
        return held;
    }

    /** Closed work orders with the category they were about: the category classifier learns from them. */
    @Transactional
    public List<ClosedText> closedByCategory() {
        return closedTexts("""
                select w.title || '。' || w.content, c.code
                from work_order w join category c on c.id = w.category_id
                where w.status = ?1 and w.closure <> ?2""", Closure.MERGED.name());
    }

    /**
     * Closed work orders with the lead department that handled them to the end (its reply passed the review): the
     * department classifier learns from them, never from a department whose return was approved.
     */
    @Transactional
    public List<ClosedText> closedByLeadDepartment() {
        return closedTexts("""
                select w.title || '。' || w.content, d.code
                from work_order w join department d on d.id = w.lead_department_id
                where w.status = ?1 and w.closure in (?2)""",
                List.of(Closure.CALLBACK_COMPLETED.name(), Closure.CLOSED_WITHOUT_CALLBACK.name()));
    }

    private List<ClosedText> closedTexts(String sql, Object closure) {
        List<?> rows = entityManager.createNativeQuery(sql).setParameter(1, WorkOrderStatus.CLOSED.name())
                .setParameter(2, closure).getResultList();
        List<ClosedText> texts = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            texts.add(new ClosedText((String) c[0], (String) c[1]));
        }
        return texts;
    }

    /** The briefs of the work orders with these ids, by id, read on the caller's connection. */
    public static Map<Long, Brief> briefs(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, Brief> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection
                .prepareStatement("select id, number, title, status from work_order where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.put(row.getLong(1), new Brief(row.getLong(1), row.getString(2), row.getString(3),
                            WorkOrderStatus.valueOf(row.getString(4))));
                }
            }
        }
        return found;
    }

    /** The ids of the work orders with these numbers, by number, read on the caller's connection. */
    public static Map<String, Long> idsByNumber(Connection connection, Collection<String> numbers)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection
                .prepareStatement("select number, id from work_order where number = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", numbers.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return found;
    }

    /**
     * The newest work orders of a phone number (the citizen's), with the lead department's name, read on the
     * caller's connection.
     *
     * @param phoneKey the number as {@code phone_key()} normalises it
     */
    public static List<PhoneOrder> ofPhone(Connection connection, String phoneKey, int limit) throws SQLException {
        List<PhoneOrder> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select o.number, o.status, o.title, d.name, o.registered_at, o.reply_deadline, o.enterprise_request
                from work_order o left join department d on d.id = o.lead_department_id
                where phone_key(o.citizen_phone) = ? order by o.registered_at desc limit ?""")) {
            query.setString(1, phoneKey);
            query.setInt(2, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.add(new PhoneOrder(row.getString(1), WorkOrderStatus.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4), SqlValues.instant(row.getTimestamp(5)),
                            SqlValues.instant(row.getTimestamp(6)), row.getBoolean(7)));
                }
            }
        }
        return found;
    }

    /** The enterprise the newest work order of a phone number names, read on the caller's connection. */
    public static Optional<Enterprise> enterpriseOfPhone(Connection connection, String phoneKey)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select enterprise_name, enterprise_credit_code from work_order
                where phone_key(citizen_phone) = ? and enterprise_credit_code is not null
                order by registered_at desc limit 1""")) {
            query.setString(1, phoneKey);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Enterprise(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * Adds the supervision's cards to the work orders' history on the caller's connection, in its transaction: the
     * supervision runs in batches of its own, outside the persistence context.
     */
    public static void appendSupervisionEvents(Connection connection, List<SupervisionEvent> events, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into work_order_event (id, work_order_id, type, occurred_at, from_status, to_status, details)
                values (nextval('work_order_event_seq'), ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (SupervisionEvent event : events) {
                if (!event.type().isSupervision()) {
                    throw new IllegalArgumentException(event.type() + " is not a supervision event");
                }
                insert.setLong(1, event.workOrderId());
                insert.setString(2, event.type().name());
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setString(4, event.status().name());
                insert.setString(5, event.status().name());
                insert.setString(6, json(event.details()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Details of strings are always JSON", e);
        }
    }
}
