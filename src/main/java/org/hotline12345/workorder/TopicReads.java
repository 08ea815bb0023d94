package org.hotline12345.workorder;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * The work orders as the monthly topic (每月一题) reads them, as records: those registered in a period in some
 * categories and an area, with their lead departments' handling, the departments that led them (returns included),
 * and each one's latest reply. A merged duplicate (并单) is not a request of its own and is left out.
 */
@ApplicationScoped
public class TopicReads {

    /**
     * What is read: registered from {@code start} (inclusive) to {@code end}, in one of the categories (their codes,
     * sub-categories already included), in the district (null for the city) and street (null for the district).
     */
    public record Scope(Instant start, Instant end, Collection<String> categoryCodes, String district,
            String street) {
    }

    /**
     * A work order of the scope and where it stands.
     *
     * @param leadDepartmentCode the department that leads it now (or last led it, once closed); null before dispatch
     *        and after an approved return
     * @param satisfaction the citizen's: the callback's answer or the five-level rating (好差评) mapped to it, whichever
     *        came last; null until then
     */
    public record Order(long id, String number, String title, String content, String categoryCode,
            String categoryName, String district, String street, Instant registeredAt, WorkOrderStatus status,
            String leadDepartmentCode, String leadDepartmentName, Instant repliedAt, Instant replyDeadline,
            Satisfaction satisfaction) {
    }

    /** A department's turn as the lead department (主办) of a work order; {@code returned}: an approved return. */
    public record Lead(long workOrderId, String departmentCode, String departmentName, boolean returned) {
    }

    /** The latest reply (答复) of a work order and the department that gave it. */
    public record Reply(long workOrderId, String departmentCode, String departmentName, String text,
            Instant repliedAt) {
    }

    @Inject
    EntityManager entityManager;

    /** The scope's work orders, oldest first. */
    @Transactional
    public List<Order> orders(Scope scope) {
        StringBuilder sql = new StringBuilder("""
                select w.id, w.number, w.title, w.content, c.code, c.name, w.district, w.street, w.registered_at,
                  w.status, d.code, d.name, w.replied_at, w.reply_deadline, w.satisfaction
                from work_order w join category c on c.id = w.category_id
                  left join department d on d.id = w.lead_department_id
                where w.registered_at >= ? and w.registered_at < ? and c.code = any(?)
                  and w.merged_into_number is null""");
        if (scope.district() != null) {
            sql.append(" and w.district = ?");
            if (scope.street() != null) {
                sql.append(" and w.street = ?");
            }
        }
        sql.append(" order by w.registered_at, w.id");
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 0;
                select.setTimestamp(++i, Timestamp.from(scope.start()));
                select.setTimestamp(++i, Timestamp.from(scope.end()));
                select.setArray(++i, connection.createArrayOf("text", scope.categoryCodes().toArray()));
                if (scope.district() != null) {
                    select.setString(++i, scope.district());
                    if (scope.street() != null) {
                        select.setString(++i, scope.street());
                    }
                }
                List<Order> orders = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String satisfaction = rows.getString(15);
                        orders.add(new Order(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                                instant(rows.getTimestamp(9)), WorkOrderStatus.valueOf(rows.getString(10)),
                                rows.getString(11), rows.getString(12), instant(rows.getTimestamp(13)),
                                instant(rows.getTimestamp(14)),
                                satisfaction == null ? null : Satisfaction.valueOf(satisfaction)));
                    }
                }
                return orders;
            }
        });
    }

    /** Every lead department the work orders had, including those whose return was approved. */
    @Transactional
    public List<Lead> leads(Collection<Long> workOrderIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select a.work_order_id, d.code, d.name, a.end_reason
                    from work_order_assignment a join department d on d.id = a.department_id
                    where a.role = ? and a.work_order_id = any(?) order by a.work_order_id, a.id""")) {
                select.setString(1, AssignmentRole.LEAD.name());
                select.setArray(2, ids(connection, workOrderIds));
                List<Lead> leads = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        leads.add(new Lead(rows.getLong(1), rows.getString(2), rows.getString(3),
                                Assignment.EndReason.RETURNED.name().equals(rows.getString(4))));
                    }
                }
                return leads;
            }
        });
    }

    /** The latest reply of each of the work orders that has one. */
    @Transactional
    public List<Reply> latestReplies(Collection<Long> workOrderIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select distinct on (e.work_order_id) e.work_order_id, d.code, d.name, e.comment, e.occurred_at
                    from work_order_event e left join department d on d.id = e.actor_department_id
                    where e.type = ? and e.work_order_id = any(?) order by e.work_order_id, e.id desc""")) {
                select.setString(1, EventType.REPLIED.name());
                select.setArray(2, ids(connection, workOrderIds));
                List<Reply> replies = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        replies.add(new Reply(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), instant(rows.getTimestamp(5))));
                    }
                }
                return replies;
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
