package org.hotline12345.deadline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hotline12345.calendar.TimeLimit;
import org.hotline12345.workorder.EventType;
import org.hotline12345.workorder.WorkOrderChanged;
import org.hotline12345.workorder.WorkOrderService;
import org.hotline12345.workorder.WorkOrderSnapshot;
import org.hotline12345.workorder.WorkOrderStatus;
import org.hotline12345.workorder.WorkOrdersRegistered;

/**
 * Keeps a work order's row in {@code deadline_watch} in step with its clocks, in the same transaction as the step
 * that changed them: a clock that starts gets watched; a clock whose deadline moved (extension, return decision,
 * reopen) or whose department gave the work order back (approved return, before re-dispatch) has its cards lifted,
 * recorded on the work order; a clock that stopped (accepted, replied, closed) ends its cards; a pending return
 * stops the checks until the decision.
 */
@ApplicationScoped
public class DeadlineWatchUpdater {

    private record ClockState(String limit, Instant deadline, CardLevel card) {
    }

    private static final String UPSERT = """
            insert into deadline_watch (work_order_id, department_id, check_at, accept_limit, accept_deadline,
                accept_card, reply_limit, reply_deadline, reply_card)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (work_order_id) do update set department_id = excluded.department_id,
                check_at = excluded.check_at, accept_limit = excluded.accept_limit,
                accept_deadline = excluded.accept_deadline, accept_card = excluded.accept_card,
                reply_limit = excluded.reply_limit, reply_deadline = excluded.reply_deadline,
                reply_card = excluded.reply_card""";

    @Inject
    EntityManager entityManager;

    @Inject
    CardPolicy policy;

    @Inject
    WorkOrderService workOrders;

    /** Watches the clocks of work orders dispatched as they were registered, all in one batch. */
    void onRegistered(@Observes WorkOrdersRegistered registered) {
        List<WorkOrderSnapshot> dispatched = registered.workOrders().stream()
                .filter(order -> order.status().heldByDepartment()).toList();
        if (dispatched.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (WorkOrderSnapshot order : dispatched) {
                    bind(upsert, order, runningClocks(order));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    void onChange(@Observes WorkOrderChanged change) {
        List<Map<String, Object>> lifted = new ArrayList<>();
        entityManager.unwrap(Session.class)
                .doWork(connection -> update(connection, change.workOrder(), change.at(), lifted));
        lifted.forEach(details -> workOrders.recordSupervision(change.workOrder().id(), EventType.CARD_LIFTED,
                change.at(), details));
    }

    /** Updates the watch; adds the details of each card it lifted to {@code lifted}, for the work order's history. */
    private void update(Connection connection, WorkOrderSnapshot order, Instant now, List<Map<String, Object>> lifted)
            throws SQLException {
        Map<DeadlineClock, ClockState> stored = load(connection, order.id());
        if (order.status() == WorkOrderStatus.RETURN_REQUESTED) {
            // the clocks wait for the return decision: keep what was raised, check nothing meanwhile
            execute(connection, "update deadline_watch set check_at = null where work_order_id = ?", order.id());
            return;
        }
        Map<DeadlineClock, ClockState> running = runningClocks(order);
        for (DeadlineClock clock : DeadlineClock.values()) {
            ClockState before = stored.get(clock);
            ClockState after = running.get(clock);
            if (before == null || before.deadline() == null) {
                continue;
            }
            if (after == null && order.status() != WorkOrderStatus.RETURNED) {
                endCards(connection, order.id(), clock, "STOPPED", now);
            } else if (after == null || !before.deadline().equals(after.deadline())) {
                // the deadline moved, or the department gave the work order back: its cards no longer apply
                if (before.card() != CardLevel.NONE) {
                    endCards(connection, order.id(), clock, "LIFTED", now);
                    Map<String, Object> details = new HashMap<>(Map.of("clock", clock.name(), "level",
                            before.card().name(), "previousDeadline", before.deadline().toString()));
                    if (after != null) {
                        details.put("deadline", after.deadline().toString());
                    }
                    lifted.add(details);
                }
            } else {
                running.put(clock, new ClockState(after.limit(), after.deadline(), before.card()));
            }
        }
        if (running.isEmpty()) {
            execute(connection, "delete from deadline_watch where work_order_id = ?", order.id());
            return;
        }
        save(connection, order, running);
    }

    private void save(Connection connection, WorkOrderSnapshot order, Map<DeadlineClock, ClockState> running)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            bind(upsert, order, running);
            upsert.executeUpdate();
        }
    }

    /** The clocks the work order's state runs, with no card raised yet. */
    private static Map<DeadlineClock, ClockState> runningClocks(WorkOrderSnapshot order) {
        Map<DeadlineClock, ClockState> running = new EnumMap<>(DeadlineClock.class);
        if (order.status() == WorkOrderStatus.DISPATCHED) {
            running.put(DeadlineClock.ACCEPT, new ClockState(order.acceptLimit(), micros(order.acceptDeadline()),
                    CardLevel.NONE));
        }
        if (order.status().heldByDepartment()) {
            running.put(DeadlineClock.REPLY, new ClockState(order.replyLimit(), micros(order.replyDeadline()),
                    CardLevel.NONE));
        }
        return running;
    }

    private void bind(PreparedStatement upsert, WorkOrderSnapshot order, Map<DeadlineClock, ClockState> running)
            throws SQLException {
        Instant checkAt = null;
        for (ClockState state : running.values()) {
            Instant next = policy.nextCheck(policy.thresholds(TimeLimit.parse(state.limit()), state.deadline()),
                    state.card());
            if (next != null && (checkAt == null || next.isBefore(checkAt))) {
                checkAt = next;
            }
        }
        ClockState accept = running.get(DeadlineClock.ACCEPT);
        ClockState reply = running.get(DeadlineClock.REPLY);
        upsert.setLong(1, order.id());
        upsert.setObject(2, order.leadDepartmentId());
        upsert.setTimestamp(3, timestamp(checkAt));
        upsert.setString(4, accept == null ? null : accept.limit());
        upsert.setTimestamp(5, timestamp(accept == null ? null : accept.deadline()));
        upsert.setString(6, (accept == null ? CardLevel.NONE : accept.card()).name());
        upsert.setString(7, reply == null ? null : reply.limit());
        upsert.setTimestamp(8, timestamp(reply == null ? null : reply.deadline()));
        upsert.setString(9, (reply == null ? CardLevel.NONE : reply.card()).name());
    }

    private static Map<DeadlineClock, ClockState> load(Connection connection, long workOrderId) throws SQLException {
        Map<DeadlineClock, ClockState> stored = new EnumMap<>(DeadlineClock.class);
        try (PreparedStatement query = connection.prepareStatement("""
                select accept_limit, accept_deadline, accept_card, reply_limit, reply_deadline, reply_card
                from deadline_watch where work_order_id = ? for update""")) {
            query.setLong(1, workOrderId);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    stored.put(DeadlineClock.ACCEPT, new ClockState(row.getString(1), instant(row.getTimestamp(2)),
                            CardLevel.valueOf(row.getString(3))));
                    stored.put(DeadlineClock.REPLY, new ClockState(row.getString(4), instant(row.getTimestamp(5)),
                            CardLevel.valueOf(row.getString(6))));
                }
            }
        }
        return stored;
    }

    private static void endCards(Connection connection, long workOrderId, DeadlineClock clock, String reason,
            Instant now) throws SQLException {
        try (PreparedStatement end = connection.prepareStatement("""
                update deadline_card set ended_at = ?, end_reason = ?
                where work_order_id = ? and clock = ? and ended_at is null""")) {
            end.setTimestamp(1, Timestamp.from(now));
            end.setString(2, reason);
            end.setLong(3, workOrderId);
            end.setString(4, clock.name());
            end.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql, long workOrderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, workOrderId);
            statement.executeUpdate();
        }
    }

    /** PostgreSQL keeps microseconds; compare deadlines at that precision. */
    private static Instant micros(Instant instant) {
        return Objects.requireNonNull(instant).truncatedTo(ChronoUnit.MICROS);
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
